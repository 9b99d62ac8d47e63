import { describe, expect, it } from "vitest";
import { compareFindings } from "../src/analysis/severity";
import { BADGE_CATALOG } from "../src/gamification/badge-catalog";
import { badgeCriteriaSchema, earnedBadges, type StudentStats } from "../src/gamification/badges";
import { badgeEventKey, submissionEventKey } from "../src/gamification/dedupe-keys";
import { levelsAtOrAbove, riskLevelFor } from "../src/risk/levels";

const stats: StudentStats = {
  assignments: 1,
  onTimeAssignments: 1,
  bestScores: [82],
  improvements: [0],
  points: 120,
  streak: 1,
};

describe("badges", () => {
  it("has a catalog whose every criteria parse", () => {
    for (const badge of BADGE_CATALOG)
      expect(badgeCriteriaSchema.safeParse(badge.criteria).success).toBe(true);
  });

  it("awards exactly the catalog badges whose criteria the stats meet, and never one with unreadable criteria", () => {
    const earned = earnedBadges(
      [...BADGE_CATALOG, { name: "Broken", criteria: { kind: "points", total: "lots" } }],
      stats,
    );
    expect(earned.map((b) => b.name)).toEqual(["First Commit", "Getting Started"]);
  });
});

describe("dedupe keys", () => {
  it("differ per submission and per student and badge", () => {
    expect(submissionEventKey("s1")).not.toBe(submissionEventKey("s2"));
    expect(badgeEventKey("st1", "b1")).not.toBe(badgeEventKey("st2", "b1"));
    expect(badgeEventKey("st1", "b1")).not.toBe(submissionEventKey("st1"));
  });
});

describe("risk levels", () => {
  it("cut the score at quarters and list the levels at or above one", () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(riskLevelFor)).toEqual([
      "LOW",
      "MEDIUM",
      "HIGH",
      "CRITICAL",
      "CRITICAL",
    ]);
    expect(levelsAtOrAbove("HIGH")).toEqual(["HIGH", "CRITICAL"]);
    expect(levelsAtOrAbove("LOW")).toHaveLength(4);
  });
});

describe("findings order", () => {
  it("puts the worst first, then file and line", () => {
    const findings = [
      { severity: "INFO" as const, filePath: "a.ts", line: 1 },
      { severity: "CRITICAL" as const, filePath: "b.ts", line: 9 },
      { severity: "CRITICAL" as const, filePath: "b.ts", line: 2 },
      { severity: "MAJOR" as const, filePath: "a.ts", line: 5 },
    ];
    expect([...findings].sort(compareFindings).map((f) => `${f.severity}:${f.line}`)).toEqual([
      "CRITICAL:2",
      "CRITICAL:9",
      "MAJOR:5",
      "INFO:1",
    ]);
  });
});
