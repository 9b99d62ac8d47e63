import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BadgeCriteria,
  meetsCriteria,
  type StudentStats,
  statsFromAttempts,
} from "../src/gamification/badges";
import {
  ASSIGNMENT_MAX_POINTS,
  type Attempt,
  assignmentPoints,
  awardForAttempt,
  feedbackActedOn,
} from "../src/gamification/points";
import { badgeRarity, rarityForShare } from "../src/gamification/rarity";
import { calendarDay, NO_STREAK, nextStreak, type StreakState, streakAsOf } from "../src/gamification/streak";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const due = new Date("2026-11-20T23:59:00Z");
const t0 = new Date("2026-11-10T10:00:00Z");

let n = 0;
const attempt = (score: number | null, hours: number, extra: Partial<Attempt> = {}): Attempt => ({
  id: `a${String(n++).padStart(6, "0")}`,
  submittedAt: new Date(t0.getTime() + hours * HOUR),
  score,
  contentHash: null,
  feedbackAt: [],
  ...extra,
});

/** Awards attempts one after another as the worker does; returns each award. */
function replay(attempts: Attempt[], dueDate = due): number[] {
  const earlier: Attempt[] = [];
  let earned = 0;
  return attempts.map((a) => {
    const { points } = awardForAttempt({ earlier, attempt: a, dueDate, earned });
    earlier.push(a);
    earned += points;
    return points;
  });
}

describe("points per assignment", () => {
  it("follow the table", () => {
    expect(assignmentPoints([attempt(50, 0)], new Date(0)).total).toBe(10);
    expect(assignmentPoints([attempt(80, 0)], due).total).toBe(35);
    expect(assignmentPoints([attempt(97, 0)], due).parts.map((p) => p.reason)).toEqual([
      "submission",
      "on-time",
      "quality-80",
      "quality-95",
    ]);
    expect(assignmentPoints([], due).total).toBe(0);
  });

  it("pay a resubmission only its improvement over the best so far", () => {
    expect(replay([attempt(60, 0), attempt(85, 1), attempt(70, 2), attempt(96, 3), attempt(96, 4)])).toEqual([
      20, 15, 0, 10, 0,
    ]);
  });

  it("the same content submitted N times earns the points of one submission (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        (score, times, hashed, feedbackOnFirst) => {
          const copies = Array.from({ length: times }, (_, i) =>
            attempt(score, i, {
              contentHash: hashed ? "tree-1" : null,
              feedbackAt: i === 0 && feedbackOnFirst ? [new Date(t0.getTime() + 0.5 * HOUR)] : [],
            }),
          );
          const awards = replay(copies);
          expect(awards.reduce((a, b) => a + b, 0)).toBe(replay(copies.slice(0, 1))[0]);
          expect(awards.slice(1).every((p) => p === 0)).toBe(true);
        },
      ),
    );
  });

  it("never exceed the assignment's maximum, and never go negative, whatever the attempts (property)", () => {
    const arbAttempts = fc.array(
      fc.record({
        score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        hours: fc.integer({ min: 0, max: 500 }),
        hash: fc.option(fc.constantFrom("h1", "h2", "h3"), { nil: null }),
        feedback: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 25 },
    );
    fc.assert(
      fc.property(arbAttempts, fc.boolean(), (raw, shuffled) => {
        const attempts = raw.map((r) =>
          attempt(r.score, r.hours, {
            contentHash: r.hash,
            feedbackAt: r.feedback.map((h) => new Date(t0.getTime() + (r.hours + h) * HOUR)),
          }),
        );
        // In submission order, or in the order the awards happen to run.
        const order = shuffled
          ? [...attempts].reverse()
          : [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
        const awards = replay(order);
        expect(awards.every((p) => p >= 0)).toBe(true);
        const total = awards.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(ASSIGNMENT_MAX_POINTS);
        if (!shuffled) expect(total).toBe(assignmentPoints(attempts, due).total);
      }),
    );
  });
});

describe("acted on feedback", () => {
  const fb = (hours: number) => [new Date(t0.getTime() + hours * HOUR)];

  it("pays once per feedback, when the next attempt scores higher with changed code", () => {
    const first = attempt(60, 0, { contentHash: "a", feedbackAt: fb(5) });
    const better = attempt(70, 10, { contentHash: "b" });
    expect(feedbackActedOn([first, better])).toBe(1);
    expect(replay([first, better, attempt(75, 20, { contentHash: "c" })])).toEqual([20, 20, 0]);
  });

  it("pays nothing for copies of the feedbacked code, nor when the next attempt does not improve", () => {
    const first = attempt(60, 0, { contentHash: "a", feedbackAt: fb(5) });
    expect(feedbackActedOn([first, attempt(60, 10, { contentHash: "a" })])).toBe(0);
    // Unknown hashes: changed only if the score rose.
    const unknown = attempt(60, 0, { feedbackAt: fb(5) });
    expect(feedbackActedOn([unknown, attempt(60, 10)])).toBe(0);
    expect(feedbackActedOn([unknown, attempt(61, 10)])).toBe(1);
    // The next attempt decides: a worse one uses the feedback up.
    expect(
      feedbackActedOn([first, attempt(50, 10, { contentHash: "x" }), attempt(90, 20, { contentHash: "y" })]),
    ).toBe(0);
    // An attempt made before the feedback came is not an answer to it.
    expect(feedbackActedOn([first, attempt(90, 2, { contentHash: "y" })])).toBe(0);
  });

  it("does not pay again for every later copy of the good code (the reported farming)", () => {
    const weak = attempt(40, 0, { contentHash: "weak", feedbackAt: fb(1) });
    const good = Array.from({ length: 20 }, (_, i) => attempt(97, 2 + i, { contentHash: "good" }));
    const awards = replay([weak, ...good]);
    expect(awards.slice(2).every((p) => p === 0)).toBe(true);
    expect(awards.reduce((a, b) => a + b, 0)).toBe(45 + 20);
  });
});

describe("streaks in the student's time zone, with freezes", () => {
  const run = (state: StreakState, times: string[], zone: string) =>
    times.reduce((s, iso) => nextStreak(s, new Date(iso), zone), state);

  it("count the student's calendar days, not UTC's (a zone east of UTC)", () => {
    // 20:00 UTC on 1 Nov is already 2 Nov in Tokyo.
    expect(calendarDay(new Date("2026-11-01T20:00:00Z"), "Asia/Tokyo")).toEqual(
      new Date("2026-11-02T00:00:00Z"),
    );
    // Tokyo evenings one UTC day apart but on consecutive Tokyo days...
    const s = run(NO_STREAK, ["2026-11-01T14:00:00Z", "2026-11-01T16:00:00Z"], "Asia/Tokyo");
    expect(s.streak).toBe(2);
    // ...which in UTC were one and the same day.
    expect(run(NO_STREAK, ["2026-11-01T14:00:00Z", "2026-11-01T16:00:00Z"], "UTC").streak).toBe(1);
  });

  it("survive a DST change (America/New_York, 8 March 2026 has 23 hours)", () => {
    // Late every evening local time: 23:30 EST is 04:30Z, 23:30 EDT is 03:30Z.
    const s = run(
      NO_STREAK,
      ["2026-03-07T04:30:00Z", "2026-03-08T04:30:00Z", "2026-03-09T03:30:00Z", "2026-03-10T03:30:00Z"],
      "America/New_York",
    );
    expect(s).toMatchObject({ streak: 4, lastActiveOn: new Date("2026-03-09T00:00:00Z") });
    // Just after midnight local on the 9th (04:10Z, EDT) is the 9th, not the 8th.
    expect(calendarDay(new Date("2026-03-09T04:10:00Z"), "America/New_York")).toEqual(
      new Date("2026-03-09T00:00:00Z"),
    );
  });

  it("earn a freeze per 7 days, hold at most 2, use them for missed days, and reset without one", () => {
    const days = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 10, from + i, 12)).toISOString());
    let s = run(NO_STREAK, days(1, 7), "UTC");
    expect(s).toMatchObject({ streak: 7, freezes: 1 });
    // Day 8 missed, day 9 active: the freeze covers it, the streak goes on.
    s = run(s, days(9, 1), "UTC");
    expect(s).toMatchObject({ streak: 8, freezes: 0 });
    s = run(s, days(10, 13), "UTC"); // streak 21: freezes at 14 and 21
    expect(s).toMatchObject({ streak: 21, freezes: 2 });
    s = run(s, days(23, 7), "UTC"); // streak 28 would earn a third: capped at 2
    expect(s).toMatchObject({ streak: 28, freezes: 2 });
    // Three days missed with two freezes: the streak ends.
    expect(nextStreak(s, new Date(Date.UTC(2026, 11, 3, 12)), "UTC")).toMatchObject({
      streak: 1,
      freezes: 0,
    });
    // Two days missed with two freezes: it goes on.
    expect(nextStreak(s, new Date(Date.UTC(2026, 11, 2, 12)), "UTC")).toMatchObject({
      streak: 29,
      freezes: 0,
    });
  });

  it("decay when read: a student who stopped has streak 0 once an uncovered day passed (fake clock)", () => {
    const s: StreakState = { streak: 5, lastActiveOn: new Date("2026-11-10T00:00:00Z"), freezes: 1 };
    const at = (iso: string, zone = "UTC") => streakAsOf(s, new Date(iso), zone);
    expect(at("2026-11-10T23:00:00Z")).toEqual({ streak: 5, freezes: 1 });
    expect(at("2026-11-11T23:00:00Z")).toEqual({ streak: 5, freezes: 1 }); // today not over yet
    expect(at("2026-11-12T09:00:00Z")).toEqual({ streak: 5, freezes: 0 }); // the 11th used the freeze
    expect(at("2026-11-13T09:00:00Z")).toEqual({ streak: 0, freezes: 0 });
    // In Tokyo the 13th starts at 15:00Z on the 12th.
    expect(at("2026-11-12T16:00:00Z", "Asia/Tokyo")).toEqual({ streak: 0, freezes: 0 });
    expect(streakAsOf(NO_STREAK, new Date(), "UTC").streak).toBe(0);
  });

  it("read back by streakAsOf agrees with the next activity (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("UTC", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"),
        (gaps, zone) => {
          let s = NO_STREAK;
          let at = Date.UTC(2026, 0, 1, 12);
          for (const gap of gaps) {
            at += gap * DAY;
            const before = streakAsOf(s, new Date(at), zone);
            const next = nextStreak(s, new Date(at), zone);
            // Activity now extends the streak the reader saw (same day: keeps it), or starts one at 1.
            const sameDay = s.lastActiveOn?.getTime() === calendarDay(new Date(at), zone).getTime();
            if (before.streak === 0) expect(next.streak).toBe(1);
            else expect(next.streak).toBe(sameDay ? before.streak : before.streak + 1);
            expect(next.freezes).toBeLessThanOrEqual(2);
            s = next;
          }
        },
      ),
    );
  });

  it("never go backwards for late-arriving activity (property)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 50 }),
        fc.integer({ min: -10, max: 0 }),
        fc.nat({ max: 2 }),
        (streak, offset, freezes) => {
          const last = new Date("2026-11-10T00:00:00Z");
          const next = nextStreak(
            { streak, lastActiveOn: last, freezes },
            new Date(last.getTime() + 12 * HOUR + offset * DAY),
          );
          expect(next.lastActiveOn).toEqual(last);
          expect(next.streak).toBe(Math.max(1, streak));
          expect(next.freezes).toBe(freezes);
        },
      ),
    );
  });
});

describe("badge rule engine", () => {
  const stats: StudentStats = {
    assignments: 3,
    onTimeAssignments: 2,
    bestScores: [70, 85, 96],
    improvements: [0, 16, 4],
    points: 240,
    streak: 8,
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
    [{ kind: "improvement", minGain: 15, count: 1 }, true],
    [{ kind: "improvement", minGain: 15, count: 2 }, false],
  ])("judges %o as %s", (criteria, expected) => {
    expect(meetsCriteria(criteria, stats)).toBe(expected);
  });

  it("counts distinct assignments, so copies farm nothing", () => {
    const copies = Array.from({ length: 100 }, (_, i) => ({
      assignmentId: "a1",
      submittedAt: new Date(t0.getTime() + i * HOUR),
      score: 97,
      dueDate: due,
    }));
    const s = statsFromAttempts(copies, { points: 45, streak: 1 });
    expect(s).toMatchObject({ assignments: 1, onTimeAssignments: 1, bestScores: [97], improvements: [0] });
    expect(meetsCriteria({ kind: "quality", minScore: 95, count: 5 }, s)).toBe(false);
    expect(meetsCriteria({ kind: "submissions", count: 100 }, s)).toBe(false);
    const improved = statsFromAttempts(
      [
        { assignmentId: "a1", submittedAt: t0, score: 60, dueDate: due },
        { assignmentId: "a1", submittedAt: new Date(t0.getTime() + DAY), score: 80, dueDate: due },
      ],
      { points: 0, streak: 0 },
    );
    expect(improved.improvements).toEqual([20]);
  });
});

describe("badge rarity", () => {
  it("follows the share of students holding the badge", () => {
    expect(rarityForShare(0.7)).toBe("COMMON");
    expect(rarityForShare(0.5)).toBe("COMMON");
    expect(rarityForShare(0.3)).toBe("RARE");
    expect(rarityForShare(0.05)).toBe("EPIC");
    expect(rarityForShare(0.01)).toBe("LEGENDARY");
    expect(rarityForShare(0)).toBe("LEGENDARY");
    expect(badgeRarity(3, 10, "EPIC")).toEqual({ holderShare: 0.3, rarity: "RARE" });
    expect(badgeRarity(0, 0, "EPIC")).toEqual({ holderShare: null, rarity: "EPIC" });
  });

  it("is never rarer for a badge more students hold (property)", () => {
    const order = ["COMMON", "RARE", "EPIC", "LEGENDARY"];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(order.indexOf(rarityForShare(hi))).toBeLessThanOrEqual(order.indexOf(rarityForShare(lo)));
        },
      ),
    );
  });
});
