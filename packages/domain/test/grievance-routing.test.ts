import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Candidate,
  leastLoaded,
  type RoutingInput,
  routeGrievance,
  routingInputFor,
} from "../src/grievance/routing";

// Ids come from a small pool, so one person can be a class teacher, the feedback author and an admin at once.
const candidate = fc.record({
  id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
  openGrievances: fc.nat({ max: 5 }),
});
const input = fc.record({
  category: fc.constantFrom("GRADE", "FEEDBACK", "FAIRNESS", "OTHER") as fc.Arbitrary<
    RoutingInput["category"]
  >,
  severity: fc.constantFrom("LOW", "MEDIUM", "HIGH", "CRITICAL") as fc.Arbitrary<RoutingInput["severity"]>,
  classTeachers: fc.array(candidate, { maxLength: 4 }),
  feedbackAuthor: fc.option(candidate, { nil: null }),
  mentor: fc.option(candidate, { nil: null }),
  admins: fc.array(candidate, { minLength: 1, maxLength: 4 }),
  concernedTeacherIds: fc.constant([] as string[]),
});

/** The README's table, written independently of the implementation: the fewest open grievances, then the lowest id. */
function oracleBest(candidates: Candidate[]): string | undefined {
  return [...candidates].sort(
    (a, b) => a.openGrievances - b.openGrievances || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0]?.id;
}

function oracle(i: RoutingInput) {
  const admin = (rule: string, admins = i.admins) => {
    const best = oracleBest(admins);
    return best === undefined ? { assignedToId: null, rule: "no-admin" } : { assignedToId: best, rule };
  };
  const eligibleAdmins =
    i.category === "FAIRNESS" ? i.admins.filter((a) => !i.concernedTeacherIds.includes(a.id)) : i.admins;
  if (i.severity === "CRITICAL") return admin("critical-severity", eligibleAdmins);
  if (i.category === "GRADE") {
    return i.classTeachers.length > 0
      ? { assignedToId: oracleBest(i.classTeachers), rule: "grade-class-teacher" }
      : admin("fallback-admin");
  }
  if (i.category === "FEEDBACK") {
    return i.feedbackAuthor
      ? { assignedToId: i.feedbackAuthor.id, rule: "feedback-author" }
      : admin("fallback-admin");
  }
  if (i.category === "FAIRNESS") {
    return admin("fairness-admin", eligibleAdmins);
  }
  return i.mentor ? { assignedToId: i.mentor.id, rule: "other-mentor" } : admin("fallback-admin");
}

describe("routeGrievance (seed property 7)", () => {
  it("follows the routing table for any grievance", () => {
    fc.assert(
      fc.property(input, (raw) => {
        const i = {
          ...raw,
          concernedTeacherIds: [
            ...raw.classTeachers.map((t) => t.id),
            ...(raw.feedbackAuthor ? [raw.feedbackAuthor.id] : []),
          ],
        };
        const decision = routeGrievance(i);
        if (i.category === "FAIRNESS" && decision.assignedToId !== null) {
          expect(i.concernedTeacherIds).not.toContain(decision.assignedToId);
        }
        expect(decision).toEqual(oracle(i));
      }),
      { numRuns: 2_000 },
    );
  });

  it("never assigns a FAIRNESS grievance to a concerned teacher, even one who is also an admin", () => {
    const decision = routeGrievance({
      category: "FAIRNESS",
      severity: "HIGH",
      classTeachers: [{ id: "b", openGrievances: 0 }],
      feedbackAuthor: null,
      mentor: null,
      admins: [
        { id: "b", openGrievances: 0 },
        { id: "c", openGrievances: 9 },
      ],
      concernedTeacherIds: ["b"],
    });
    expect(decision).toEqual({ assignedToId: "c", rule: "fairness-admin" });
  });

  it("says so when no admin exists to take the grievance", () => {
    const decision = routeGrievance({
      category: "OTHER",
      severity: "CRITICAL",
      classTeachers: [],
      feedbackAuthor: null,
      mentor: { id: "m", openGrievances: 0 },
      admins: [],
      concernedTeacherIds: [],
    });
    expect(decision).toEqual({ assignedToId: null, rule: "no-admin" });
  });

  it("breaks ties by id", () => {
    expect(
      leastLoaded([
        { id: "b", openGrievances: 1 },
        { id: "a", openGrievances: 1 },
        { id: "c", openGrievances: 2 },
      ])?.id,
    ).toBe("a");
  });
});

describe("routingInputFor", () => {
  it("gives every candidate their open count, once, and names the concerned teachers", () => {
    const open: Record<string, number> = { t1: 3, t2: 1, admin: 0, mentor: 2 };
    const input = routingInputFor(
      { category: "GRADE", severity: "LOW" },
      {
        classTeacherIds: ["t1", "t2", "t1"],
        feedbackAuthorId: "t1",
        mentorId: "mentor",
        adminIds: ["admin"],
      },
      (id) => open[id] ?? 0,
    );
    expect(input.classTeachers).toEqual([
      { id: "t1", openGrievances: 3 },
      { id: "t2", openGrievances: 1 },
    ]);
    expect(input.feedbackAuthor).toEqual({ id: "t1", openGrievances: 3 });
    expect(input.mentor).toEqual({ id: "mentor", openGrievances: 2 });
    expect(input.concernedTeacherIds).toEqual(expect.arrayContaining(["t1", "t2"]));
    expect(routeGrievance(input)).toEqual({ assignedToId: "t2", rule: "grade-class-teacher" });
  });

  it("leaves out the feedback author and mentor when there are none", () => {
    const input = routingInputFor(
      { category: "OTHER", severity: "MEDIUM" },
      { classTeacherIds: [], feedbackAuthorId: null, mentorId: null, adminIds: ["a2", "a1"] },
      () => 0,
    );
    expect(input.mentor).toBeNull();
    expect(routeGrievance(input)).toEqual({ assignedToId: "a1", rule: "fallback-admin" });
  });
});
