import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
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
