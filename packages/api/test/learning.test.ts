import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EduClient } from "../src/client";
import { failAnalysisJob } from "./support/analysis-worker";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let admin: EduClient;
let teacher: EduClient;
let student: EduClient;
const python = seedId("class", "python");

beforeAll(async () => {
  s = await startTestServer({ students: 6 });
  admin = await s.login(DEMO_LOGINS.admin);
  teacher = await s.login(DEMO_LOGINS.teacher);
  student = await s.login(DEMO_LOGINS.student);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe("users and institution", () => {
  it("lets an admin create a student who can then sign in, and list users by role", async () => {
    const created = await admin.user.create.mutate({
      email: "New.Student@Demo.edu",
      name: "New Student",
      role: "STUDENT",
      password: "plum-orbit-caravel-42",
    });
    expect(created.email).toBe("new.student@demo.edu");
    expect(await s.deps.db.student.count({ where: { userId: created.id } })).toBe(1);
    const newcomer = await s.login("new.student@demo.edu", "plum-orbit-caravel-42");
    expect((await newcomer.auth.me.query()).role).toBe("STUDENT");
    await expect(
      admin.user.create.mutate({
        email: "new.student@demo.edu",
        name: "Dup",
        role: "STUDENT",
        password: "plum-orbit-caravel-42",
      }),
    ).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    const short = await admin.user.create
      .mutate({ email: "x@demo.edu", name: "X", role: "TEACHER", password: "short" })
      .catch((e) => e);
    expect(short.message).toContain("password");
    const teachers = await admin.user.list.query({ role: "TEACHER", limit: 100 });
    expect(teachers.items.every((u) => u.role === "TEACHER")).toBe(true);
    expect(teachers.items.map((u) => u.email)).toContain(DEMO_LOGINS.teacher);
    expect(JSON.stringify(teachers)).not.toContain("passwordHash");
  });

  it("updates one's own profile and validates each field", async () => {
    const updated = await student.user.updateProfile.mutate({
      name: "Sam S.",
      theme: "dark",
      language: "pt-BR",
      avatarUrl: "https://example.org/a.png",
    });
    expect(updated).toMatchObject({ name: "Sam S.", theme: "dark", language: "pt-BR" });
    const bad = await student.user.updateProfile
      .mutate({ theme: "neon" as "dark", avatarUrl: "javascript:alert(1)" })
      .catch((e) => e);
    expect(bad.data.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("theme");
    expect(bad.message).toContain("avatarUrl");
  });

  it("reads the institution from the cache and drops it on update", async () => {
    expect((await teacher.institution.get.query()).domain).toBe("demo.edu");
    await admin.institution.update.mutate({ name: "Demo University of Code" });
    expect((await teacher.institution.get.query()).name).toBe("Demo University of Code");
  });
});

describe("classes and assignments", () => {
  it("lets a teacher create a class they then teach, add assignments, and enroll students idempotently", async () => {
    // Both warm their cached class access first: creating and enrolling must drop it.
    await teacher.leaderboard.top.query({ classId: python });
    await student.leaderboard.myRank.query({ classId: python }).catch(() => undefined);
    const created = await teacher.class.create.mutate({ name: "Algorithms Club" });
    expect(await teacher.leaderboard.top.query({ classId: created.id })).toEqual([]);
    const got = await teacher.class.get.query({ classId: created.id });
    expect(got.teachers.map((t) => t.user.email)).toEqual([DEMO_LOGINS.teacher]);
    const studentId = seedId("student", DEMO_LOGINS.student);
    expect(
      await teacher.class.enroll.mutate({ classId: created.id, studentIds: [studentId, studentId] }),
    ).toEqual({ enrolled: 1, added: 1 });
    expect((await student.leaderboard.myRank.query({ classId: created.id })).rank).toBe(1);
    expect(await teacher.class.enroll.mutate({ classId: created.id, studentIds: [studentId] })).toEqual({
      enrolled: 1,
      added: 0,
    });
    const due = new Date(Date.now() + 86_400_000);
    const assignment = await teacher.assignment.create.mutate({
      classId: created.id,
      title: "Sorting",
      dueDate: due,
    });
    expect(assignment.dueDate.getTime()).toBe(due.getTime());
    const renamed = await teacher.assignment.update.mutate({
      assignmentId: assignment.id,
      title: "Sorting, stable",
    });
    expect(renamed.title).toBe("Sorting, stable");
    expect((await student.assignment.list.query({ classId: created.id })).map((a) => a.title)).toEqual([
      "Sorting, stable",
    ]);
    expect((await student.class.list.query()).map((c) => c.id)).toContain(created.id);
    await expect(
      teacher.class.enroll.mutate({ classId: created.id, studentIds: [seedId("student", "nobody")] }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });

  it("lets an admin add a teacher, but only a teacher of the same institution", async () => {
    const java = seedId("class", "java");
    await admin.class.addTeacher.mutate({ classId: java, userId: seedId("user", DEMO_LOGINS.teacher) });
    expect((await teacher.class.list.query()).map((c) => c.id)).toContain(java);
    await expect(
      admin.class.addTeacher.mutate({ classId: java, userId: seedId("user", DEMO_LOGINS.student) }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
  });
});

describe("submissions", () => {
  it("stores a submission as PENDING, queues exactly one analysis job, and shows it to the student", async () => {
    const assignment = (await student.assignment.list.query({ classId: python }))[0];
    const created = await student.submission.create.mutate({
      assignmentId: assignment?.id ?? "",
      githubUrl: "https://github.com/sam/kata/tree/main",
    });
    expect(created).toMatchObject({
      analysisStatus: "PENDING",
      githubUrl: "https://github.com/sam/kata/tree/main",
    });
    const job = await s.deps.queues.analysis.getJob(`analysis-${created.id}`);
    expect(job?.data).toEqual({ submissionId: created.id });
    const mine = await student.submission.list.query({ assignmentId: assignment?.id });
    expect(mine.items[0]?.id).toBe(created.id);
    const full = await teacher.submission.get.query({ submissionId: created.id });
    expect(full.findings).toEqual([]);
  });

  it("refuses assignments of classes the student is not enrolled in, and bad URLs by field", async () => {
    const javaAssignment = await s.deps.db.assignment.findFirstOrThrow({
      where: { classId: seedId("class", "java") },
    });
    await expect(
      student.submission.create.mutate({
        assignmentId: javaAssignment.id,
        githubUrl: "https://github.com/a/b",
      }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const bad = await student.submission.create
      .mutate({ assignmentId: javaAssignment.id, githubUrl: "http://169.254.169.254/latest" })
      .catch((e) => e);
    expect(bad.data.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("githubUrl");
  });

  it("answers NOT_FOUND for unknown ids and BAD_REQUEST for malformed ones", async () => {
    await expect(teacher.submission.get.query({ submissionId: seedId("nothing") })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(teacher.submission.get.query({ submissionId: "42" })).rejects.toMatchObject({
      data: { code: "BAD_REQUEST" },
    });
    await expect(teacher.class.get.query({ classId: seedId("nothing") })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });

  it("writes an audit row in the same transaction as each change", async () => {
    const before = await s.deps.db.auditLog.count({ where: { action: "class.create" } });
    await teacher.class.create.mutate({ name: "Audited" });
    expect(await s.deps.db.auditLog.count({ where: { action: "class.create" } })).toBe(before + 1);
  });
});

/** Students of the demo institution made for a test, with names that sort the same under any collation. */
async function makeStudents(names: string[]) {
  return Promise.all(
    names.map((name) =>
      s.deps.db.student.create({
        data: {
          user: {
            create: {
              name,
              email: `${name.toLowerCase().replace(/\W+/g, ".")}@demo.edu`,
              role: "STUDENT",
              institutionId: seedId("institution", "demo.edu"),
            },
          },
        },
        select: { id: true, user: { select: { name: true, email: true } } },
      }),
    ),
  );
}

describe("class roster and enroll picker", () => {
  it("lists the class's students by name for its teacher and the admin", async () => {
    const lab = await teacher.class.create.mutate({ name: "Roster Lab" });
    const [cy, ann] = await makeStudents(["Cy Rostered", "Ann Rostered"]);
    const before = new Date();
    await teacher.class.enroll.mutate({ classId: lab.id, studentIds: [cy?.id ?? "", ann?.id ?? ""] });
    const roster = await teacher.class.roster.query({ classId: lab.id });
    expect(roster.map((r) => r.name)).toEqual(["Ann Rostered", "Cy Rostered"]);
    expect(roster[0]).toEqual({
      studentId: ann?.id,
      name: "Ann Rostered",
      email: "ann.rostered@demo.edu",
      enrolledAt: expect.any(Date),
    });
    expect(roster[0]?.enrolledAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(await admin.class.roster.query({ classId: lab.id })).toEqual(roster);
    expect(
      await teacher.class.roster.query({
        classId: (await teacher.class.create.mutate({ name: "Empty" })).id,
      }),
    ).toEqual([]);
  });

  it("finds the institution's students not yet enrolled by name or e-mail, case-insensitively, at most 20", async () => {
    const lab = await teacher.class.create.mutate({ name: "Picker Lab" });
    const fillers = await makeStudents(
      Array.from({ length: 22 }, (_, i) => `Filler ${String(i).padStart(2, "0")}`),
    );
    const [enrolled] = fillers;
    await teacher.class.enroll.mutate({ classId: lab.id, studentIds: [enrolled?.id ?? ""] });
    const found = await teacher.class.enrollable.query({ classId: lab.id, query: "  fILLER " });
    expect(found).toHaveLength(20);
    expect(found.map((f) => f.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Filler ${String(i + 1).padStart(2, "0")}`),
    );
    expect(found[0]).toEqual({ studentId: fillers[1]?.id, name: "Filler 01", email: "filler.01@demo.edu" });
    expect(await teacher.class.enrollable.query({ classId: lab.id, query: "FILLER.21@DEMO" })).toEqual([
      { studentId: fillers[21]?.id, name: "Filler 21", email: "filler.21@demo.edu" },
    ]);
    // An empty query lists anyone not enrolled; LIKE's wildcards are plain characters.
    const anyone = await admin.class.enrollable.query({ classId: lab.id, query: "" });
    expect(anyone).toHaveLength(20);
    expect(anyone.map((a) => a.studentId)).not.toContain(enrolled?.id);
    const [odd] = await makeStudents(["Odd_Name"]);
    for (const query of ["%", "\\", "d%n"])
      expect(await teacher.class.enrollable.query({ classId: lab.id, query })).toEqual([]);
    expect(
      (await teacher.class.enrollable.query({ classId: lab.id, query: "_" })).map((a) => a.studentId),
    ).toEqual([odd?.id]);
    // Only the institution's students.
    expect(
      (await teacher.class.enrollable.query({ classId: lab.id, query: "ada admin" })).map((a) => a.name),
    ).toEqual([]);
    await expect(
      teacher.class.enrollable.query({ classId: lab.id, query: "x".repeat(101) }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    await expect(
      teacher.class.enrollable.query({ classId: lab.id, query: "a\u0000b" }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
  });
});

describe("assignment progress and review", () => {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  let lab: { id: string };
  let later: { id: string; title: string; dueDate: Date };
  let sooner: { id: string };
  let sam: { older: string; newer: string };
  let ann: { id: string; submission: string };
  let bob: { id: string };

  beforeAll(async () => {
    const db = s.deps.db;
    lab = await teacher.class.create.mutate({ name: "Progress Lab" });
    later = await teacher.assignment.create.mutate({
      classId: lab.id,
      title: "Later",
      description: "Due second",
      dueDate: at(-2 * 24 * 60),
    });
    sooner = await teacher.assignment.create.mutate({ classId: lab.id, title: "Sooner", dueDate: at(-60) });
    const [annRow, bobRow] = await makeStudents(["Ann Progress", "Bob Progress"]);
    const samId = seedId("student", DEMO_LOGINS.student);
    await teacher.class.enroll.mutate({
      classId: lab.id,
      studentIds: [samId, annRow?.id ?? "", bobRow?.id ?? ""],
    });
    const submit = (studentId: string, minutesAgo: number, extra = {}) =>
      db.submission.create({
        data: {
          studentId,
          assignmentId: later.id,
          githubUrl: "https://github.com/x/y",
          submittedAt: at(minutesAgo),
          ...extra,
        },
      });
    const newer = await submit(samId, 10, {
      analysisStatus: "SCORED",
      codeQualityScore: 81.5,
      complexityScore: 4,
    });
    const older = await submit(samId, 30);
    const annWork = await submit(annRow?.id ?? "", 20);
    const teacherId = seedId("user", DEMO_LOGINS.teacher);
    // Feedback on Sam's older work only (the newer awaits review), and on Ann's latest; written newest first.
    for (const [submission, studentId, content, minutesAgo] of [
      [older, samId, "second remark", 5],
      [older, samId, "first remark", 25],
      [annWork, annRow?.id ?? "", "for Ann", 15],
    ] as const) {
      await db.feedback.create({
        data: {
          submissionId: submission.id,
          studentId,
          teacherId,
          content,
          createdAt: at(minutesAgo),
          aiSuggested: true,
        },
      });
    }
    sam = { older: older.id, newer: newer.id };
    ann = { id: annRow?.id ?? "", submission: annWork.id };
    bob = { id: bobRow?.id ?? "" };
  });

  it("assignment.mine: every assignment of the student's classes by due date, with the latest submission", async () => {
    const mine = await student.assignment.mine.query();
    const samId = seedId("student", DEMO_LOGINS.student);
    const classIds = (await s.deps.db.enrollment.findMany({ where: { studentId: samId } })).map(
      (e) => e.classId,
    );
    expect(new Set(mine.map((a) => a.classId))).toEqual(new Set(classIds));
    expect(mine.length).toBe(await s.deps.db.assignment.count({ where: { classId: { in: classIds } } }));
    const dues = mine.map((a) => a.dueDate.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const attempts = mine.reduce((n, a) => n + a.attempts, 0);
    expect(attempts).toBe(
      await s.deps.db.submission.count({
        where: { studentId: samId, assignment: { classId: { in: classIds } } },
      }),
    );
    const labRows = mine.filter((a) => a.classId === lab.id);
    expect(labRows.map((a) => a.id)).toEqual([sooner.id, later.id]);
    expect(labRows[0]).toMatchObject({
      className: "Progress Lab",
      description: null,
      latestSubmission: null,
      attempts: 0,
    });
    expect(labRows[1]).toEqual({
      id: later.id,
      title: "Later",
      description: "Due second",
      dueDate: later.dueDate,
      classId: lab.id,
      className: "Progress Lab",
      latestSubmission: {
        id: sam.newer,
        analysisStatus: "SCORED",
        codeQualityScore: 81.5,
        submittedAt: expect.any(Date),
      },
      attempts: 2,
    });
  });

  it("assignment.reviewQueue: one row per enrolled student, by name, with the latest submission", async () => {
    const queue = await teacher.assignment.reviewQueue.query({ assignmentId: later.id });
    expect(queue.assignment).toEqual({
      id: later.id,
      title: "Later",
      dueDate: later.dueDate,
      classId: lab.id,
      className: "Progress Lab",
    });
    const samName = (await student.auth.me.query()).name;
    expect(queue.rows.map((r) => r.name)).toEqual(["Ann Progress", "Bob Progress", samName]);
    expect(queue.rows).toEqual([
      {
        studentId: ann.id,
        name: "Ann Progress",
        attempts: 1,
        submission: {
          id: ann.submission,
          analysisStatus: "PENDING",
          codeQualityScore: null,
          complexityScore: null,
          submittedAt: expect.any(Date),
        },
        feedbackSent: true,
      },
      { studentId: bob.id, name: "Bob Progress", attempts: 0, submission: null, feedbackSent: false },
      {
        studentId: seedId("student", DEMO_LOGINS.student),
        name: samName,
        attempts: 2,
        submission: expect.objectContaining({ id: sam.newer, codeQualityScore: 81.5, complexityScore: 4 }),
        feedbackSent: false,
      },
    ]);
    expect(await admin.assignment.reviewQueue.query({ assignmentId: later.id })).toEqual(queue);
    expect(
      (await teacher.assignment.reviewQueue.query({ assignmentId: sooner.id })).rows.map((r) => r.attempts),
    ).toEqual([0, 0, 0]);
  });

  it("submission.get names the student and carries the feedback oldest first", async () => {
    const got = await teacher.submission.get.query({ submissionId: sam.older });
    expect(got.student).toEqual({
      id: seedId("student", DEMO_LOGINS.student),
      name: (await student.auth.me.query()).name,
    });
    expect(got.feedback).toEqual([
      expect.objectContaining({
        content: "first remark",
        rating: null,
        aiSuggested: true,
        teacher: { name: "Tess Teacher" },
      }),
      expect.objectContaining({ content: "second remark", createdAt: expect.any(Date) }),
    ]);
    expect(Object.keys(got.feedback[0] ?? {}).sort()).toEqual([
      "aiSuggested",
      "content",
      "createdAt",
      "id",
      "rating",
      "teacher",
    ]);
    expect((await student.submission.get.query({ submissionId: sam.older })).feedback).toEqual(got.feedback);
    expect((await student.submission.get.query({ submissionId: sam.newer })).feedback).toEqual([]);
  });
});

describe("retrying a failed analysis", () => {
  const owned = async () => {
    const assignment = (await student.assignment.list.query({ classId: python }))[0];
    return student.submission.create.mutate({
      assignmentId: assignment?.id ?? "",
      githubUrl: "https://github.com/sam/retry-me",
    });
  };

  it("puts a FAILED submission back to PENDING, runs its kept job again, audits and publishes it", async () => {
    const created = await owned();
    // As the worker leaves it: the job failed for good (BullMQ keeps it), the row FAILED with a message.
    await failAnalysisJob(s, created.id);
    await s.deps.db.submission.update({
      where: { id: created.id },
      data: { analysisStatus: "FAILED", analysisMessage: "Repository not found" },
    });
    const jobId = `analysis-${created.id}`;
    expect(await s.deps.queues.analysis.getJobState(jobId)).toBe("failed");

    const retried = await student.submission.retry.mutate({ submissionId: created.id });
    expect(retried).toMatchObject({ id: created.id, analysisStatus: "PENDING", analysisMessage: null });
    expect(await s.deps.queues.analysis.getJobState(jobId)).toBe("waiting");
    const job = await s.deps.queues.analysis.getJob(jobId);
    expect(job?.data).toEqual({ submissionId: created.id });
    expect(job?.attemptsMade).toBe(0);
    expect(
      await s.deps.db.auditLog.count({ where: { action: "submission.retry", resourceId: created.id } }),
    ).toBe(1);
    const events = await s.deps.redis.updates.range("submission", created.id, "0-0");
    expect(events.at(-1)?.event).toMatchObject({ type: "submission.analysis", data: { status: "PENDING" } });
  });

  it("queues a job when none is kept any more", async () => {
    const created = await owned();
    await s.deps.queues.analysis.remove(`analysis-${created.id}`);
    await s.deps.db.submission.update({ where: { id: created.id }, data: { analysisStatus: "FAILED" } });
    await student.submission.retry.mutate({ submissionId: created.id });
    expect(await s.deps.queues.analysis.getJobState(`analysis-${created.id}`)).toBe("waiting");
  });

  it("ends FAILED again, saying so, when the queue cannot be reached (as submission.create does)", async () => {
    const created = await owned();
    await s.deps.db.submission.update({ where: { id: created.id }, data: { analysisStatus: "FAILED" } });
    const getJob = vi
      .spyOn(s.deps.queues.analysis, "getJob")
      .mockRejectedValueOnce(new Error("Connection is closed."));
    const retried = await student.submission.retry.mutate({ submissionId: created.id });
    getJob.mockRestore();
    expect(retried).toMatchObject({
      analysisStatus: "FAILED",
      analysisMessage: "Analysis could not be queued; submit again later",
    });
    const events = await s.deps.redis.updates.range("submission", created.id, "0-0");
    expect(events.map((e) => e.event.data?.status)).toEqual(["PENDING", "FAILED"]);
  });

  it("refuses a submission whose analysis has not failed, and a second retry at the same time", async () => {
    const created = await owned();
    const refused = await student.submission.retry.mutate({ submissionId: created.id }).catch((e) => e);
    expect(refused.data?.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("Only a failed analysis can be retried");
    await s.deps.queues.analysis.remove(`analysis-${created.id}`);
    await s.deps.db.submission.update({ where: { id: created.id }, data: { analysisStatus: "FAILED" } });
    const both = await Promise.allSettled([
      student.submission.retry.mutate({ submissionId: created.id }),
      student.submission.retry.mutate({ submissionId: created.id }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(
      await s.deps.db.auditLog.count({ where: { action: "submission.retry", resourceId: created.id } }),
    ).toBe(1);
  });
});
