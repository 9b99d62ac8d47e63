import type { GrievanceCategory, GrievanceStatus, Severity } from "@edu/db";
import { canTransition } from "@edu/domain";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let student: Awaited<ReturnType<TestServer["login"]>>;
let admin: Awaited<ReturnType<TestServer["login"]>>;
const studentId = seedId("student", DEMO_LOGINS.student);
const pythonClass = seedId("class", "python");
let ownSubmissionId: string;
let ownFeedbackId: string;
let foreignSubmissionId: string;

beforeAll(async () => {
  s = await startTestServer({ students: 6 });
  const db = s.deps.db;
  // A second admin, so "fewest open grievances, ties by id" has a choice to make.
  await db.user.create({
    data: {
      email: "admin2@demo.edu",
      name: "Second Admin",
      role: "ADMIN",
      institutionId: seedId("institution", "demo.edu"),
      passwordHash: await hashPassword("demo-password"),
    },
  });
  const assignment = await db.assignment.findFirstOrThrow({ where: { classId: pythonClass } });
  const own = await db.submission.create({
    data: { studentId, assignmentId: assignment.id, githubUrl: "https://github.com/sam/own" },
  });
  ownSubmissionId = own.id;
  ownFeedbackId = (
    await db.feedback.create({
      data: {
        submissionId: own.id,
        studentId,
        teacherId: seedId("user", DEMO_LOGINS.teacher),
        content: "Fine",
      },
    })
  ).id;
  const other = await db.student.findFirstOrThrow({
    where: { id: { not: studentId }, enrollments: { some: { classId: pythonClass } } },
  });
  foreignSubmissionId = (
    await db.submission.create({
      data: { studentId: other.id, assignmentId: assignment.id, githubUrl: "https://github.com/x/y" },
    })
  ).id;
  student = await s.login(DEMO_LOGINS.student);
  admin = await s.login(DEMO_LOGINS.admin);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

/** The routing table computed straight from the database, independently of the api's loader. */
async function expectedAssignee(
  category: GrievanceCategory,
  severity: Severity,
  ref: "none" | "class" | "submission" | "feedback",
) {
  const db = s.deps.db;
  const open = async (ids: string[]) =>
    Promise.all(
      ids.map(async (id) => ({
        id,
        n: await db.grievance.count({ where: { assignedToId: id, status: { in: ["OPEN", "IN_PROGRESS"] } } }),
      })),
    );
  const best = async (ids: string[]) =>
    (await open(ids)).sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1))[0]?.id;
  const admins = (
    await db.user.findMany({ where: { role: "ADMIN", institutionId: seedId("institution", "demo.edu") } })
  ).map((u) => u.id);
  const classTeachers =
    ref === "none"
      ? []
      : (await db.teacherClass.findMany({ where: { classId: pythonClass } })).map((t) => t.userId);
  if (severity === "CRITICAL")
    return {
      id: await best(admins.filter((a) => category !== "FAIRNESS" || !classTeachers.includes(a))),
      rule: "critical-severity",
    };
  if (category === "GRADE")
    return classTeachers.length
      ? { id: await best(classTeachers), rule: "grade-class-teacher" }
      : { id: await best(admins), rule: "fallback-admin" };
  if (category === "FEEDBACK")
    return ref === "feedback"
      ? { id: seedId("user", DEMO_LOGINS.teacher), rule: "feedback-author" }
      : { id: await best(admins), rule: "fallback-admin" };
  if (category === "FAIRNESS") return { id: await best(admins), rule: "fairness-admin" };
  return { id: seedId("user", DEMO_LOGINS.mentor), rule: "other-mentor" };
}

describe("grievance.file routes by the table (seed property 7)", () => {
  it("assigns every random grievance as the table says and records the rule", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<GrievanceCategory>("GRADE", "FEEDBACK", "FAIRNESS", "OTHER"),
        fc.constantFrom<Severity>("LOW", "MEDIUM", "HIGH", "CRITICAL"),
        fc.constantFrom("none", "class", "submission", "feedback") as fc.Arbitrary<
          "none" | "class" | "submission" | "feedback"
        >,
        async (category, severity, ref) => {
          const expected = await expectedAssignee(category, severity, ref);
          const refs = {
            none: {},
            class: { classId: pythonClass },
            submission: { submissionId: ownSubmissionId },
            feedback: { feedbackId: ownFeedbackId },
          }[ref];
          const filed = await student.grievance.file.mutate({
            category,
            severity,
            description: "Please look at this",
            ...refs,
          });
          expect(filed.assignedToId).toBe(expected.id);
          const history = await student.grievance.history.query({ grievanceId: filed.id });
          expect(history.map((h) => h.action)).toEqual(["FILED", "ROUTED"]);
          expect(history[1]?.details).toEqual({ rule: expected.rule, assignedToId: expected.id });
        },
      ),
      { numRuns: 30 },
    );
  });

  it("refuses references that are not the student's own", async () => {
    const filing = student.grievance.file.mutate({
      category: "GRADE",
      severity: "LOW",
      description: "x",
      submissionId: foreignSubmissionId,
    });
    await expect(filing).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const javaClass = seedId("class", "java");
    const notEnrolled = student.grievance.file.mutate({
      category: "GRADE",
      severity: "LOW",
      description: "x",
      classId: javaClass,
    });
    await expect(notEnrolled).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

describe("grievance life cycle (seed property 8)", () => {
  const status = fc.constantFrom<GrievanceStatus>("OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED");

  it("records exactly the legal transitions, in order, and refuses the others", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(status, { maxLength: 7 }), async (targets) => {
        const g = await student.grievance.file.mutate({
          category: "FAIRNESS",
          severity: "LOW",
          description: "sequence",
        });
        let current: GrievanceStatus = "OPEN";
        const legal: { from: GrievanceStatus; to: GrievanceStatus }[] = [];
        for (const to of targets) {
          if (canTransition(current, to)) {
            const updated = await admin.grievance.updateStatus.mutate({
              grievanceId: g.id,
              status: to,
              note: "step",
            });
            expect(updated.status).toBe(to);
            legal.push({ from: current, to });
            current = to;
          } else {
            await expect(
              admin.grievance.updateStatus.mutate({ grievanceId: g.id, status: to }),
            ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
          }
        }
        const history = await admin.grievance.history.query({ grievanceId: g.id });
        expect(
          history.slice(2).map((h) => ({
            from: (h.details as { from: string }).from,
            to: (h.details as { to: string }).to,
          })),
        ).toEqual(legal);
        expect((await admin.grievance.get.query({ grievanceId: g.id })).status).toBe(current);
      }),
      { numRuns: 20 },
    );
  });

  it("resolves with a resolution, can reopen, and closes for good", async () => {
    const g = await student.grievance.file.mutate({
      category: "OTHER",
      severity: "LOW",
      description: "help",
    });
    const mentor = await s.login(DEMO_LOGINS.mentor);
    await mentor.grievance.updateStatus.mutate({ grievanceId: g.id, status: "IN_PROGRESS" });
    const resolved = await mentor.grievance.resolve.mutate({
      grievanceId: g.id,
      resolution: "Talked it through",
    });
    expect(resolved).toMatchObject({ status: "RESOLVED", resolution: "Talked it through" });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const reopened = await mentor.grievance.updateStatus.mutate({
      grievanceId: g.id,
      status: "OPEN",
      note: "not solved",
    });
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.resolution).toBeNull();
    await mentor.grievance.updateStatus.mutate({ grievanceId: g.id, status: "IN_PROGRESS" });
    await mentor.grievance.resolve.mutate({ grievanceId: g.id, resolution: "Done" });
    await mentor.grievance.updateStatus.mutate({ grievanceId: g.id, status: "CLOSED" });
    await expect(
      mentor.grievance.updateStatus.mutate({ grievanceId: g.id, status: "OPEN" }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    const actions = (await student.grievance.history.query({ grievanceId: g.id })).map((h) => h.action);
    expect(actions).toEqual([
      "FILED",
      "ROUTED",
      "STATUS_CHANGED",
      "RESOLVED",
      "STATUS_CHANGED",
      "STATUS_CHANGED",
      "RESOLVED",
      "STATUS_CHANGED",
    ]);
  });

  it("keeps the audit rows immutable even for a direct database connection", async () => {
    const g = await student.grievance.file.mutate({
      category: "OTHER",
      severity: "LOW",
      description: "audit",
    });
    await expect(
      s.deps.db.$executeRawUnsafe(
        `UPDATE "GrievanceAuditLog" SET action = 'X' WHERE "grievanceId" = '${g.id}'`,
      ),
    ).rejects.toThrow(/permission denied for table (GrievanceAuditLog|AuditLog)/);
    await expect(
      s.deps.db.$executeRawUnsafe(`DELETE FROM "GrievanceAuditLog" WHERE "grievanceId" = '${g.id}'`),
    ).rejects.toThrow(/permission denied for table (GrievanceAuditLog|AuditLog)/);
    await expect(
      s.deps.db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "resourceId" = '${g.id}'`),
    ).rejects.toThrow(/permission denied for table (GrievanceAuditLog|AuditLog)/);
    expect(await s.deps.db.auditLog.count({ where: { resourceId: g.id, action: "grievance.file" } })).toBe(1);
  });

  it("lets an admin reassign to staff only, with an audit row", async () => {
    const g = await student.grievance.file.mutate({
      category: "OTHER",
      severity: "LOW",
      description: "reassign",
    });
    const teacher3 = seedId("user", "teacher3@demo.edu");
    const moved = await admin.grievance.assign.mutate({ grievanceId: g.id, assignedToId: teacher3 });
    expect(moved.assignedToId).toBe(teacher3);
    const last = (await admin.grievance.history.query({ grievanceId: g.id })).at(-1);
    expect(last).toMatchObject({ action: "ASSIGNED", details: { to: teacher3 } });
    const toStudent = admin.grievance.assign.mutate({
      grievanceId: g.id,
      assignedToId: seedId("user", DEMO_LOGINS.student),
    });
    await expect(toStudent).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

describe("concurrent filings", () => {
  it("are routed as if filed one after another, so the workload stays balanced", async () => {
    const web = seedId("class", "web");
    const teachers = (await s.deps.db.teacherClass.findMany({ where: { classId: web } }))
      .map((t) => t.userId)
      .sort();
    const open = async () =>
      Promise.all(
        teachers.map((id) =>
          s.deps.db.grievance.count({ where: { assignedToId: id, status: { in: ["OPEN", "IN_PROGRESS"] } } }),
        ),
      );
    const counts = await open();
    // What sequential routing would do: each filing goes to the least loaded teacher, ties to the lower id.
    for (let i = 0; i < 6; i++) {
      const min = Math.min(...counts);
      const pick = counts.indexOf(min);
      counts[pick] = (counts[pick] ?? 0) + 1;
    }
    await Promise.all(
      Array.from({ length: 6 }, () =>
        student.grievance.file.mutate({
          category: "GRADE",
          severity: "LOW",
          description: "busy",
          classId: web,
        }),
      ),
    );
    expect(await open()).toEqual(counts);
  });
});

describe("grievance access", () => {
  it("lets only the filer, the assignee and admins read a grievance", async () => {
    const g = await student.grievance.file.mutate({
      category: "OTHER",
      severity: "LOW",
      description: "private",
    });
    const others = await s.deps.db.user.findFirstOrThrow({
      where: { role: "STUDENT", email: { not: DEMO_LOGINS.student } },
    });
    const otherStudent = await s.login(others.email);
    await expect(otherStudent.grievance.get.query({ grievanceId: g.id })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(otherStudent.grievance.history.query({ grievanceId: g.id })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const teacher = await s.login(DEMO_LOGINS.teacher);
    await expect(teacher.grievance.get.query({ grievanceId: g.id })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(
      teacher.grievance.assign.mutate({
        grievanceId: g.id,
        assignedToId: seedId("user", DEMO_LOGINS.teacher),
      }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(
      student.grievance.updateStatus.mutate({ grievanceId: g.id, status: "IN_PROGRESS" }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(teacher.grievance.list.query({ scope: "all" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    const mine = await student.grievance.list.query({ scope: "mine", limit: 100 });
    expect(mine.items.some((i) => i.id === g.id)).toBe(true);
    const mentor = await s.login(DEMO_LOGINS.mentor);
    expect(
      (await mentor.grievance.list.query({ scope: "assigned", status: "OPEN", limit: 100 })).items.some(
        (i) => i.id === g.id,
      ),
    ).toBe(true);
  });

  it("shows an admin only their own institution's grievances and audit trail", async () => {
    const other = await s.deps.db.institution.create({ data: { name: "Other School", domain: "other.edu" } });
    await s.deps.db.user.create({
      data: {
        email: "admin@other.edu",
        name: "Other Admin",
        role: "ADMIN",
        institutionId: other.id,
        passwordHash: await hashPassword("demo-password"),
      },
    });
    const foreignAdmin = await s.login("admin@other.edu");
    expect((await foreignAdmin.grievance.list.query({ scope: "all" })).items).toEqual([]);
    const g = (await admin.grievance.list.query({ scope: "all", limit: 1 })).items[0];
    await expect(foreignAdmin.grievance.get.query({ grievanceId: g?.id ?? "" })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const trail = await foreignAdmin.audit.list.query({});
    expect(trail.items.every((row) => row.userId !== seedId("user", DEMO_LOGINS.student))).toBe(true);
    const ours = await admin.audit.list.query({ resource: "grievance", limit: 5 });
    expect(ours.items.length).toBe(5);
    expect(ours.nextCursor).not.toBeNull();
    const next = await admin.audit.list.query({
      resource: "grievance",
      limit: 5,
      cursor: ours.nextCursor ?? undefined,
    });
    expect(BigInt(next.items[0]?.id ?? "0")).toBeLessThan(BigInt(ours.items.at(-1)?.id ?? "0"));
  });
});
