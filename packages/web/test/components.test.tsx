import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FeedbackList } from "../src/components/FeedbackList";
import { Findings } from "../src/components/Findings";
import { LevelProgress } from "../src/components/LevelProgress";
import { RiskCard } from "../src/components/RiskCard";
import { orderForStudent } from "../src/pages/student/AssignmentTable";
import { renderWithProviders } from "./render";

const finding = (filePath: string, line: number, message: string) => ({
  filePath,
  line,
  endLine: line + 4,
  rule: "cognitive-complexity",
  severity: "MAJOR" as const,
  message,
  metricValue: 21,
});

describe("Findings", () => {
  it("groups findings by file, with line ranges, severity and the measured value", async () => {
    await renderWithProviders(
      <Findings
        findings={[
          finding("src/grade.js", 10, "Function grade is too complex"),
          finding("src/grade.js", 40, "Function total is too complex"),
          finding("lib/walk.py", 3, "Function walk is too complex"),
        ]}
      />,
    );
    expect(screen.getByText("src/grade.js")).toBeInTheDocument();
    expect(screen.getByText("2 findings")).toBeInTheDocument();
    expect(screen.getByText("1 finding")).toBeInTheDocument();
    expect(screen.getByText("10–14")).toBeInTheDocument();
    expect(screen.getAllByText(/measured 21/)).toHaveLength(3);
  });

  it("says so when there is nothing to improve", async () => {
    await renderWithProviders(<Findings findings={[]} />);
    expect(screen.getByText(/No findings/)).toBeInTheDocument();
  });
});

describe("FeedbackList", () => {
  it("keeps the teacher's line breaks and shows the rating", async () => {
    const content = "Good structure.\n\n- split grade()\n- add tests";
    await renderWithProviders(
      <FeedbackList
        items={[
          {
            id: "f1",
            content,
            rating: 4,
            createdAt: new Date(2026, 10, 2),
            teacher: { name: "Ada Teacher" },
          },
        ]}
      />,
    );
    const article = screen.getByRole("article", { name: "Feedback from Ada Teacher" });
    const text = within(article).getByText(/Good structure/);
    expect(text.textContent).toBe(content);
    expect(text).toHaveClass("preserve-lines");
  });
});

describe("RiskCard", () => {
  it("names the factors in plain words and says which way each pushes", async () => {
    await renderWithProviders(
      <RiskCard
        own
        prediction={{
          riskScore: 0.72,
          riskLevel: "HIGH",
          confidence: 0.8,
          submissionFrequency: 0.25,
          codeQualityTrend: -3,
          engagementScore: 0.2,
          feedbackResponseTime: 168,
          topFactors: [
            { feature: "missingRate", value: 0.5, contribution: 1.2 },
            { feature: "averageQuality", value: 0.9, contribution: -0.4 },
          ],
          modelVersion: "test",
          predictedAt: new Date(2026, 10, 30),
        }}
      />,
    );
    expect(screen.getByText("High")).toBeInTheDocument();
    expect(screen.getByText("50 % of past-due assignments missing — raises the risk")).toBeInTheDocument();
    expect(screen.getByText("average code quality 90 % — lowers the risk")).toBeInTheDocument();
  });

  it("says when there is no prediction yet", async () => {
    await renderWithProviders(<RiskCard prediction={null} />);
    expect(screen.getByText("No prediction yet.")).toBeInTheDocument();
  });
});

describe("LevelProgress", () => {
  it("fills the bar by the share of the way from this level's start to the next", async () => {
    await renderWithProviders(
      <LevelProgress
        progress={{
          studentId: "s",
          points: 150,
          level: 2,
          levelStartsAt: 100,
          nextLevelAt: 300,
          pointsToNextLevel: 150,
          streak: 1,
          streakFreezes: 1,
          maxStreakFreezes: 2,
          lastActiveOn: null,
        }}
      />,
    );
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    expect(screen.getByText("150 points to level 3")).toBeInTheDocument();
    expect(screen.getByText("Streak: 1 day · 1 of 2 streak freezes held")).toBeInTheDocument();
  });
});

describe("orderForStudent", () => {
  it("lists missing work first, then what is due next, then what was submitted", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const a = (id: string, due: string, submitted: boolean) => ({
      id,
      title: id,
      description: null,
      dueDate: new Date(due),
      classId: "c",
      className: "C",
      attempts: submitted ? 1 : 0,
      latestSubmission: submitted
        ? {
            id: `s-${id}`,
            analysisStatus: "SCORED" as const,
            codeQualityScore: 80,
            submittedAt: new Date(due),
          }
        : null,
    });
    const ordered = orderForStudent(
      [
        a("done", "2026-11-20T00:00:00Z", true),
        a("next-week", "2026-12-08T00:00:00Z", false),
        a("missing", "2026-11-25T00:00:00Z", false),
        a("tomorrow", "2026-12-02T00:00:00Z", false),
      ],
      now,
    );
    expect(ordered.map((x) => x.id)).toEqual(["missing", "tomorrow", "next-week", "done"]);
  });
});
