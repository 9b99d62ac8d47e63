import { describe, expect, it } from "vitest";
import { computeFeatures, type StudentActivity } from "../src/risk/features";

const now = new Date("2026-12-01T12:00:00Z");
const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);

describe("risk features count distinct attempts", () => {
  it("leave identical resubmissions (same assignment, same contentHash) out", () => {
    const one: StudentActivity = {
      submissions: [{ assignmentId: "a", submittedAt: at(3), codeQualityScore: 97, contentHash: "h" }],
      pastDueAssignments: [],
      feedbackAt: [],
      otherActiveDays: [],
    };
    const copies: StudentActivity = {
      ...one,
      submissions: [
        ...one.submissions,
        ...Array.from({ length: 20 }, (_, i) => ({
          assignmentId: "a",
          submittedAt: at(3 - i * 0.01),
          codeQualityScore: 97,
          contentHash: "h",
        })),
      ],
    };
    expect(computeFeatures(copies, now)).toEqual(computeFeatures(one, now));
  });

  it("still count changed attempts, and attempts whose hash is unknown", () => {
    const activity: StudentActivity = {
      submissions: [
        { assignmentId: "a", submittedAt: at(3), codeQualityScore: 60, contentHash: "h1" },
        { assignmentId: "a", submittedAt: at(2), codeQualityScore: 70, contentHash: "h2" },
        { assignmentId: "b", submittedAt: at(2), codeQualityScore: 70, contentHash: "h2" },
        { assignmentId: "a", submittedAt: at(1), codeQualityScore: 70, contentHash: null },
      ],
      pastDueAssignments: [],
      feedbackAt: [],
      otherActiveDays: [],
    };
    expect(computeFeatures(activity, now).submissionFrequency).toBe(1);
  });
});
