import { blockingConnectionOptions } from "@edu/db/redis";
import { DEMO_LOGINS, seedId } from "@edu/seed";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let teacher: Awaited<ReturnType<TestServer["login"]>>;
let student: Awaited<ReturnType<TestServer["login"]>>;
const studentId = seedId("student", DEMO_LOGINS.student);
let submissionId: string;

beforeAll(async () => {
  s = await startTestServer({ students: 6 });
  const assignment = await s.deps.db.assignment.findFirstOrThrow({
    where: { classId: seedId("class", "python") },
  });
  const submission = await s.deps.db.submission.create({
    data: {
      studentId,
      assignmentId: assignment.id,
      githubUrl: "https://github.com/sam/kata",
      codeQualityScore: 62,
      analysisStatus: "SCORED",
    },
  });
  submissionId = submission.id;
  await s.deps.db.analysisFinding.createMany({
    data: [
      {
        submissionId,
        filePath: "src/game.py",
        line: 42,
        rule: "cyclomatic-complexity",
        severity: "MAJOR",
        message: "Function play has complexity 17",
        metricValue: 17,
      },
      {
        submissionId,
        filePath: "src/util.py",
        line: 3,
        rule: "duplication",
        severity: "MINOR",
        message: "12 lines repeated in src/io.py",
        metricValue: 12,
      },
    ],
  });
  teacher = await s.login(DEMO_LOGINS.teacher);
  student = await s.login(DEMO_LOGINS.student);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe("feedback persistence (seed property 6)", () => {
  it("lists a new feedback at once with identical content and createdAt, from PostgreSQL and from the cache", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }).filter((t) => t.trim().length > 0),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        async (content, rating) => {
          const created = await teacher.feedback.create.mutate({
            submissionId,
            content,
            rating,
            aiSuggested: false,
          });
          const fromDb = await student.feedback.listForStudent.query({ studentId });
          const fromCache = await student.feedback.listForStudent.query({ studentId });
          const cached = await s.deps.redis.cache.get<{ items: { id: string }[] }>(
            "feedback-list",
            studentId,
          );
          expect(cached?.items[0]?.id).toBe(created.id);
          for (const page of [fromDb, fromCache]) {
            const found = page.items.find((f) => f.id === created.id);
            expect(found?.content).toBe(created.content);
            expect(found?.content).toBe(content.trim());
            expect(found?.createdAt).toBeInstanceOf(Date);
            expect(found?.createdAt.getTime()).toBe(created.createdAt.getTime());
            expect(page.items[0]?.id).toBe(created.id);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("pages newest first with a cursor", async () => {
    const first = await student.feedback.listForStudent.query({ studentId, limit: 3 });
    const second = await student.feedback.listForStudent.query({
      studentId,
      limit: 3,
      cursor: first.nextCursor ?? undefined,
    });
    expect(first.items).toHaveLength(3);
    expect(second.items[0]?.createdAt.getTime()).toBeLessThanOrEqual(
      first.items[2]?.createdAt.getTime() ?? 0,
    );
    expect(new Set([...first.items, ...second.items].map((f) => f.id)).size).toBe(
      first.items.length + second.items.length,
    );
  });

  it("announces new feedback on the student's update stream and queues a risk recompute", async () => {
    const reader = s.deps.redis.redis.duplicate(blockingConnectionOptions);
    try {
      const created = await teacher.feedback.create.mutate({
        submissionId,
        content: "Stream me",
        aiSuggested: false,
      });
      const events = await s.deps.redis.updates.read(reader, "feedback", studentId, "0", 100);
      expect(events.some((e) => e.event.data?.feedbackId === created.id)).toBe(true);
      const job = await s.deps.queues.risk.getJob(`risk-student-${studentId}-feedback-${created.id}`);
      expect(job?.data).toEqual({ scope: "student", studentId });
    } finally {
      reader.disconnect();
    }
  });
});

describe("feedback.suggest", () => {
  it("drafts from the findings, worst first with file, line and metric, and caches the draft", async () => {
    const draft = await teacher.feedback.suggest.query({ submissionId });
    expect(draft.provider).toBe("embedded");
    expect(draft.text).toContain("src/game.py:42");
    expect(draft.text.indexOf("src/game.py:42")).toBeLessThan(draft.text.indexOf("src/util.py:3"));
    expect(draft.text).toContain("cyclomatic-complexity = 17");
    const again = await teacher.feedback.suggest.query({ submissionId });
    expect(again.createdAt.getTime()).toBe(draft.createdAt.getTime());
    expect(
      await s.deps.redis.redis.ttl(s.deps.redis.keys.cache("feedback-suggestion", submissionId)),
    ).toBeGreaterThan(1700);
  });
});

describe("feedback access", () => {
  it("lets only a teacher of the class write or draft feedback", async () => {
    const javaTeacher = await s.login("teacher3@demo.edu");
    await expect(
      javaTeacher.feedback.create.mutate({ submissionId, content: "x", aiSuggested: false }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(javaTeacher.feedback.suggest.query({ submissionId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(
      student.feedback.create.mutate({ submissionId, content: "x", aiSuggested: false }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    const admin = await s.login(DEMO_LOGINS.admin);
    await expect(
      admin.feedback.create.mutate({ submissionId, content: "x", aiSuggested: false }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  it("hides one student's feedback from another student and from non-mentors", async () => {
    const other = await s.deps.db.user.findFirstOrThrow({
      where: { role: "STUDENT", email: { not: DEMO_LOGINS.student } },
    });
    const otherStudent = await s.login(other.email);
    await expect(otherStudent.feedback.listForStudent.query({ studentId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const javaTeacher = await s.login("teacher3@demo.edu");
    await expect(javaTeacher.feedback.listForStudent.query({ studentId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const mentor = await s.login(DEMO_LOGINS.mentor);
    expect((await mentor.feedback.listForStudent.query({ studentId })).items.length).toBeGreaterThan(0);
  });

  it("rejects bad input naming the field", async () => {
    const error = await teacher.feedback.create
      .mutate({ submissionId, content: "   ", rating: 9, aiSuggested: false })
      .catch((e) => e);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("content");
    expect(error.message).toContain("rating");
  });
});
