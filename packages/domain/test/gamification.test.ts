import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BadgeCriteria, meetsCriteria, type StudentStats } from "../src/gamification/badges";
import { pointsForSubmission } from "../src/gamification/points";
import { nextStreak } from "../src/gamification/streak";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe("points", () => {
  it("follow the table", () => {
    expect(pointsForSubmission({ onTime: false, qualityScore: 50, actedOnFeedback: false }).total).toBe(10);
    expect(pointsForSubmission({ onTime: true, qualityScore: 80, actedOnFeedback: false }).total).toBe(35);
    expect(pointsForSubmission({ onTime: true, qualityScore: 97, actedOnFeedback: true }).total).toBe(65);
    expect(
      pointsForSubmission({ onTime: true, qualityScore: null, actedOnFeedback: false }).parts.map(
        (p) => p.reason,
      ),
    ).toEqual(["submission", "on-time"]);
  });
});

describe("streaks", () => {
  it("grow day by day, forgive one missed day, and restart after two", () => {
    let s = nextStreak({ streak: 0, lastActiveOn: null }, day("2026-11-01"));
    expect(s.streak).toBe(1);
    s = nextStreak(s, day("2026-11-01"));
    expect(s.streak).toBe(1);
    s = nextStreak(s, day("2026-11-02"));
    expect(s.streak).toBe(2);
    s = nextStreak(s, day("2026-11-04"));
    expect(s.streak).toBe(3);
    s = nextStreak(s, day("2026-11-07"));
    expect(s).toEqual({ streak: 1, lastActiveOn: new Date("2026-11-07T00:00:00Z") });
  });

  it("never go backwards for late-arriving activity (property)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.integer({ min: -10, max: 0 }), (streak, offset) => {
        const last = day("2026-11-10");
        const next = nextStreak(
          { streak, lastActiveOn: last },
          new Date(last.getTime() + offset * 86_400_000),
        );
        expect(next.lastActiveOn).toEqual(last);
        expect(next.streak).toBe(Math.max(1, streak));
      }),
    );
  });
});

describe("badge rule engine", () => {
  const stats: StudentStats = {
    scoredSubmissions: 3,
    onTimeSubmissions: 2,
    qualityScores: [70, 85, 96],
    points: 240,
    streak: 8,
    firstOfClass: 1,
  };
  it.each<[BadgeCriteria, boolean]>([
    [{ kind: "submissions", count: 3 }, true],
    [{ kind: "submissions", count: 4 }, false],
    [{ kind: "on-time", count: 3 }, false],
    [{ kind: "quality", minScore: 80, count: 2 }, true],
    [{ kind: "quality", minScore: 95, count: 2 }, false],
    [{ kind: "points", total: 240 }, true],
    [{ kind: "streak", days: 7 }, true],
    [{ kind: "streak", days: 30 }, false],
    [{ kind: "first-of-class" }, true],
  ])("judges %o as %s", (criteria, expected) => {
    expect(meetsCriteria(criteria, stats)).toBe(expected);
  });
});
