import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GrievanceList } from "../src/components/Grievances";
import { StudentHome } from "../src/pages/StudentHome";

const studentId = "0190b5a0-0000-7000-8000-000000000001";
const me = {
  id: "u1",
  email: "student@demo.edu",
  name: "Sam Student",
  role: "STUDENT" as const,
  institutionId: "i1",
  avatarUrl: null,
  language: "en",
  theme: "system",
  createdAt: new Date(),
  studentId,
};

/** Renders with answers already in the query cache, as the SPA shows them once the api has replied. */
function render(node: React.ReactNode, cache: [unknown[], unknown][]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  for (const [key, data] of cache) client.setQueryData(key, data);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

describe("student home", () => {
  it("shows progress, scored and failed submissions, and feedback from the api's answers", () => {
    const html = render(<StudentHome me={me} />, [
      [
        ["progress"],
        {
          studentId,
          points: 65,
          level: 1,
          nextLevelAt: 100,
          pointsToNextLevel: 35,
          streak: 6,
          lastActiveOn: null,
        },
      ],
      [
        ["badges"],
        [
          {
            unlockedAt: new Date(),
            badge: { id: "b", name: "First Commit", description: "", rarity: "COMMON", iconUrl: null },
          },
        ],
      ],
      [["classes"], []],
      [
        ["submissions"],
        {
          items: [
            {
              id: "s1",
              githubUrl: "https://github.com/sam/kata",
              submittedAt: new Date("2026-11-20"),
              analysisStatus: "SCORED",
              codeQualityScore: 87,
              analysisMessage: null,
            },
            {
              id: "s2",
              githubUrl: "https://github.com/sam/huge",
              submittedAt: new Date("2026-11-21"),
              analysisStatus: "FAILED",
              codeQualityScore: null,
              analysisMessage: "Repository has more than 5000 files",
            },
          ],
          nextCursor: null,
        },
      ],
      [
        ["feedback", studentId],
        {
          items: [
            {
              id: "f1",
              content: "Nice tests.",
              teacher: { name: "Tess" },
              submission: { assignment: { title: "Kata" } },
            },
          ],
          nextCursor: null,
        },
      ],
      [["chat"], { items: [], nextCursor: null }],
      [["grievances", "mine"], { items: [], nextCursor: null }],
    ]);
    expect(html).toContain("Level <strong>1</strong> · 65 points · 35 to the next level · 6-day streak");
    expect(html).toContain("First Commit (common)");
    expect(html).toContain("87/100");
    expect(html).toContain("Repository has more than 5000 files");
    expect(html).toContain("Nice tests.");
    expect(html).toContain("No grievances.");
  });

  it("offers the actions that fit each grievance's status to the people who act on it", () => {
    const items = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"].map((status, i) => ({
      id: `g${i}`,
      status,
      category: "OTHER",
      severity: "LOW",
      description: "d",
      createdAt: new Date("2026-11-20"),
      assignedTo: { name: "Mia" },
    }));
    const html = render(<GrievanceList scope="assigned" canAct />, [
      [["grievances", "assigned"], { items, nextCursor: null }],
    ]);
    expect(html).toContain(">Start<");
    expect(html).toContain(">Resolve<");
    expect(html).toContain(">Close<");
    expect(html).toContain("IN PROGRESS");
    const readOnly = render(<GrievanceList scope="mine" canAct={false} />, [
      [["grievances", "mine"], { items, nextCursor: null }],
    ]);
    expect(readOnly).not.toContain(">Start<");
  });
});
