// Role × procedure: every read by id of another person's records answers NOT_FOUND or FORBIDDEN and leaks nothing.
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords";
import type { EduClient } from "../src/client";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
const clients: Record<string, EduClient> = {};
const demoStudentId = seedId("student", DEMO_LOGINS.student);
const javaClass = seedId("class", "java");
let javaOnlyStudentId: string;
let demoSubmissionId: string;
let demoGrievanceId: string;

beforeAll(async () => {
  s = await startTestServer({ students: 10 });
  const db = s.deps.db;
  const assignment = await db.assignment.findFirstOrThrow({ where: { classId: seedId("class", "python") } });
  demoSubmissionId = (
    await db.submission.create({
      data: { studentId: demoStudentId, assignmentId: assignment.id, githubUrl: "https://github.com/sam/a" },
    })
  ).id;
  const other = await db.institution.create({ data: { name: "Elsewhere", domain: "elsewhere.edu" } });
  await db.user.create({
    data: {
      email: "admin@elsewhere.edu",
      name: "Far Admin",
      role: "ADMIN",
      institutionId: other.id,
      passwordHash: await hashPassword("demo-password"),
    },
  });
  const peer = await db.student.findFirstOrThrow({
    where: { id: { not: demoStudentId }, mentorId: null, enrollments: { none: { classId: javaClass } } },
    include: { user: true },
  });
  const javaOnly = await db.student.create({
    data: {
      user: {
        create: {
          email: "java.only@demo.edu",
          name: "Java Only",
          role: "STUDENT",
          institutionId: seedId("institution", "demo.edu"),
        },
      },
      enrollments: { create: { classId: javaClass } },
    },
  });
  javaOnlyStudentId = javaOnly.id;
  for (const [name, email] of Object.entries({
    student: DEMO_LOGINS.student,
    peer: peer.user.email,
    teacher: DEMO_LOGINS.teacher,
    javaTeacher: "teacher3@demo.edu",
    mentor: DEMO_LOGINS.mentor,
    admin: DEMO_LOGINS.admin,
    farAdmin: "admin@elsewhere.edu",
  })) {
    clients[name] = await s.login(email);
  }
  demoGrievanceId = (
    await (clients.student as EduClient).grievance.file.mutate({
      category: "OTHER",
      severity: "LOW",
      description: "mine",
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const c = (name: string) => clients[name] as EduClient;
const DENIED = ["NOT_FOUND", "FORBIDDEN"];

async function expectDenied(call: () => Promise<unknown>) {
  const error = await call().then(
    (value) => ({ leaked: value }),
    (e) => e,
  );
  expect(error).not.toHaveProperty("leaked");
  expect(DENIED).toContain(error.data?.code);
  expect(JSON.stringify(error.message)).not.toMatch(/select|prisma|postgres|at \w+ \(/i);
}

describe("reading another student's records", () => {
  const cases: [string, (client: EduClient) => Promise<unknown>][] = [
    ["feedback.listForStudent", (x) => x.feedback.listForStudent.query({ studentId: demoStudentId })],
    ["risk.forStudent", (x) => x.risk.forStudent.query({ studentId: demoStudentId })],
    ["gamification.progress", (x) => x.gamification.progress.query({ studentId: demoStudentId })],
    ["submission.get", (x) => x.submission.get.query({ submissionId: demoSubmissionId })],
    ["grievance.get", (x) => x.grievance.get.query({ grievanceId: demoGrievanceId })],
    ["grievance.history", (x) => x.grievance.history.query({ grievanceId: demoGrievanceId })],
    ["student.get", (x) => x.student.get.query({ studentId: demoStudentId })],
    ["submission.retry", (x) => x.submission.retry.mutate({ submissionId: demoSubmissionId })],
    [
      "updates.onChange",
      (x) =>
        new Promise((resolve, reject) => {
          const sub = x.updates.onChange.subscribe(
            { resource: "student", id: demoStudentId },
            { onData: resolve, onError: reject },
          );
          setTimeout(() => {
            sub.unsubscribe();
            resolve("no error within 3 s");
          }, 3_000);
        }),
    ],
  ];
  for (const [procedure, call] of cases) {
    it(`${procedure}: denied to another student, another institution's admin`, async () => {
      await expectDenied(() => call(c("peer")));
      await expectDenied(() => call(c("farAdmin")));
    });
  }

  it("submission.list never returns another student's submissions", async () => {
    const page = await c("peer").submission.list.query({ studentId: demoStudentId, limit: 100 });
    expect(page.items).toEqual([]);
  });

  it("answers a cursor from another scope exactly as an unknown one (no existence oracle)", async () => {
    const foreign = await c("peer")
      .submission.list.query({ cursor: demoSubmissionId, limit: 5 })
      .catch((e) => e);
    const unknown = await c("peer")
      .submission.list.query({ cursor: "00000000-0000-4000-8000-000000000000", limit: 5 })
      .catch((e) => e);
    expect(foreign.data?.code).toBe("BAD_REQUEST");
    expect(foreign.message).toBe(unknown.message);
    const grievances = await c("peer")
      .grievance.list.query({ scope: "mine", cursor: demoGrievanceId })
      .catch((e) => e);
    expect(grievances.data?.code).toBe("BAD_REQUEST");
  });

  it("chat.history returns only the caller's own conversation", async () => {
    await c("student").chat.send.mutate({ content: "When is my next deadline?" });
    const peerHistory = await c("peer").chat.history.query({ limit: 100 });
    const mine = await c("student").chat.history.query({ limit: 100 });
    const myIds = new Set(mine.items.map((m) => m.id));
    expect(peerHistory.items.some((m) => myIds.has(m.id))).toBe(false);
  });

  it("a teacher reads only their classes' students; a mentor only their mentees", async () => {
    await expectDenied(() => c("javaTeacher").student.get.query({ studentId: demoStudentId }));
    await expectDenied(() => c("mentor").student.get.query({ studentId: javaOnlyStudentId }));
    const byMentor = await c("mentor").student.get.query({ studentId: demoStudentId });
    expect(byMentor).toMatchObject({ id: demoStudentId, email: DEMO_LOGINS.student, name: "Sam Student" });
    expect(byMentor.classes.map((k) => k.id).sort()).toEqual(
      [seedId("class", "python"), seedId("class", "web")].sort(),
    );
    expect(await c("student").student.get.query({ studentId: demoStudentId })).toEqual(byMentor);
    await expectDenied(() => c("javaTeacher").risk.forStudent.query({ studentId: demoStudentId }));
    await expectDenied(() => c("teacher").risk.forStudent.query({ studentId: javaOnlyStudentId }));
    await expectDenied(() => c("mentor").risk.forStudent.query({ studentId: javaOnlyStudentId }));
    await expectDenied(() => c("javaTeacher").risk.atRisk.query({ classId: seedId("class", "python") }));
    expect((await c("teacher").risk.forStudent.query({ studentId: demoStudentId })).studentId).toBe(
      demoStudentId,
    );
    expect(
      (await c("mentor").feedback.listForStudent.query({ studentId: demoStudentId })).items,
    ).toBeInstanceOf(Array);
    expect((await c("admin").gamification.progress.query({ studentId: javaOnlyStudentId })).level).toBe(1);
  });
});

describe("class-scoped teacher reads", () => {
  it("enrolling a student in one's own class opens none of their work for other classes", async () => {
    const db = s.deps.db;
    const javaAssignment = await db.assignment.findFirstOrThrow({ where: { classId: javaClass } });
    const javaWork = await db.submission.create({
      data: {
        studentId: javaOnlyStudentId,
        assignmentId: javaAssignment.id,
        githubUrl: "https://github.com/java-only/list",
      },
    });
    await db.feedback.create({
      data: {
        submissionId: javaWork.id,
        studentId: javaOnlyStudentId,
        teacherId: seedId("user", "teacher3@demo.edu"),
        content: "Private remark of the java teacher",
      },
    });
    await c("teacher").class.enroll.mutate({
      classId: seedId("class", "python"),
      studentIds: [javaOnlyStudentId],
    });

    await expectDenied(() => c("teacher").submission.get.query({ submissionId: javaWork.id }));
    const listed = await c("teacher").submission.list.query({ studentId: javaOnlyStudentId, limit: 100 });
    expect(listed.items).toEqual([]);
    const feedback = await c("teacher").feedback.listForStudent.query({ studentId: javaOnlyStudentId });
    expect(feedback.items).toEqual([]);
    // Risk is about the student, not a class: any of their teachers may see it.
    expect((await c("teacher").risk.forStudent.query({ studentId: javaOnlyStudentId })).studentId).toBe(
      javaOnlyStudentId,
    );
    // Their profile shows each reader only the classes that reader may see.
    const classesSeenBy = async (who: string) =>
      (await c(who).student.get.query({ studentId: javaOnlyStudentId })).classes.map((k) => k.id);
    expect(await classesSeenBy("teacher")).toEqual([seedId("class", "python")]);
    expect(await classesSeenBy("javaTeacher")).toEqual([javaClass]);
    expect(await classesSeenBy("admin")).toEqual([javaClass, seedId("class", "python")]); // by name
    // The java teacher still sees it all, and the student their own.
    expect((await c("javaTeacher").submission.get.query({ submissionId: javaWork.id })).id).toBe(javaWork.id);
    const theirs = await c("javaTeacher").feedback.listForStudent.query({ studentId: javaOnlyStudentId });
    expect(theirs.items.map((f) => f.content)).toEqual(["Private remark of the java teacher"]);
  });
});

describe("role checks", () => {
  it("keeps admin procedures for admins", async () => {
    for (const who of ["student", "teacher", "mentor"]) {
      await expectDenied(() => c(who).user.list.query({}));
      await expectDenied(() => c(who).audit.list.query({}));
      await expectDenied(() => c(who).institution.update.mutate({ name: "Mine now" }));
      await expectDenied(() =>
        c(who).class.addTeacher.mutate({ classId: javaClass, userId: seedId("user", DEMO_LOGINS.teacher) }),
      );
    }
  });

  it("keeps student procedures for students and class management for its teachers", async () => {
    await expectDenied(() => c("teacher").chat.send.mutate({ content: "hi" }));
    await expectDenied(() =>
      c("admin").submission.create.mutate({
        assignmentId: demoSubmissionId,
        githubUrl: "https://github.com/a/b",
      }),
    );
    await expectDenied(() => c("student").class.create.mutate({ name: "My class" }));
    await expectDenied(() =>
      c("javaTeacher").class.enroll.mutate({
        classId: seedId("class", "python"),
        studentIds: [javaOnlyStudentId],
      }),
    );
    await expectDenied(() =>
      c("javaTeacher").assignment.create.mutate({
        classId: seedId("class", "python"),
        title: "x",
        dueDate: new Date(),
      }),
    );
    await expectDenied(() => c("peer").leaderboard.top.query({ classId: javaClass }));
    await expectDenied(() => c("peer").leaderboard.around.query({ classId: javaClass }));
    await expectDenied(() => c("peer").leaderboard.mostImproved.query({ classId: javaClass }));
    await expectDenied(() => c("farAdmin").leaderboard.mostImproved.query({ classId: javaClass }));
    await expectDenied(() => c("teacher").leaderboard.around.query({ classId: seedId("class", "python") }));
    const python = seedId("class", "python");
    const pythonAssignment = await s.deps.db.assignment.findFirstOrThrow({ where: { classId: python } });
    for (const who of ["student", "mentor", "javaTeacher", "farAdmin"]) {
      await expectDenied(() => c(who).class.update.mutate({ classId: python, competitionEnabled: false }));
      await expectDenied(() => c(who).class.roster.query({ classId: python }));
      await expectDenied(() => c(who).class.enrollable.query({ classId: python, query: "" }));
      await expectDenied(() => c(who).assignment.reviewQueue.query({ assignmentId: pythonAssignment.id }));
    }
    for (const who of ["teacher", "mentor", "admin"]) {
      await expectDenied(() => c(who).assignment.mine.query());
      await expectDenied(() => c(who).submission.retry.mutate({ submissionId: demoSubmissionId }));
    }
    await expectDenied(() => c("farAdmin").class.get.query({ classId: javaClass }));
  });

  it("answers UNAUTHORIZED without a session and for a forged token", async () => {
    await expect(s.anonymous.auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    const { createClient } = await import("../src/client");
    const forged = createClient({ url: s.trpcUrl, token: `${seedId("user", DEMO_LOGINS.admin)}.forged` });
    await expect(forged.user.list.query({})).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });
});
