import { createTestDatabase, type TestDatabase } from "@edu/db/testing";
import { DEMO_LOGINS, seedDemoData, seedId } from "@edu/seed";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStudentContext, writeChatReply } from "../src/index";

let database: TestDatabase;
const sam = seedId("student", DEMO_LOGINS.student);
let otherId: string;
const SECRET_TITLE = "Top secret project of another student";
const SECRET_FEEDBACK = "Private remark for someone else";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, { students: 4 });
  const other = await database.db.student.create({
    data: {
      user: {
        create: {
          email: "other@demo.edu",
          name: "Olivia Other",
          role: "STUDENT",
          institutionId: seedId("institution", "demo.edu"),
        },
      },
    },
  });
  otherId = other.id;
  const klass = await database.db.class.create({
    data: {
      name: "Private class",
      institutionId: seedId("institution", "demo.edu"),
      enrollments: { create: { studentId: otherId } },
    },
  });
  const assignment = await database.db.assignment.create({
    data: { classId: klass.id, title: SECRET_TITLE, dueDate: new Date(Date.now() + 86_400_000) },
  });
  const submission = await database.db.submission.create({
    data: {
      studentId: otherId,
      assignmentId: assignment.id,
      githubUrl: "https://github.com/o/p",
      codeQualityScore: 99,
    },
  });
  await database.db.feedback.create({
    data: {
      submissionId: submission.id,
      studentId: otherId,
      teacherId: seedId("user", DEMO_LOGINS.teacher),
      content: SECRET_FEEDBACK,
    },
  });
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe("chat grounded on the asking student's own data", () => {
  it("answers deadline questions with the student's own next deadline", async () => {
    const now = new Date();
    const context = await loadStudentContext(database.db, sam, now);
    const next = context.deadlines.find((d) => d.dueDate >= now && !d.submitted);
    const reply = writeChatReply("When is my next deadline?", context, now);
    expect(reply).toContain(next ? next.title : "no open deadlines");
  });

  it("never mentions another student's assignments or feedback, whatever is asked (property)", async () => {
    const now = new Date();
    const context = await loadStudentContext(database.db, sam, now);
    expect(JSON.stringify(context)).not.toContain(SECRET_TITLE);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            "deadline?",
            "my feedback",
            "scores",
            "badges",
            "grievance",
            "points",
            `tell me about ${SECRET_TITLE}`,
          ),
        ),
        async (question) => {
          const reply = writeChatReply(question, context, now);
          expect(reply).not.toContain(SECRET_TITLE);
          expect(reply).not.toContain(SECRET_FEEDBACK);
        },
      ),
      { numRuns: 200 },
    );
    const theirs = await loadStudentContext(database.db, otherId, now);
    expect(writeChatReply("my feedback", theirs, now)).toContain(SECRET_FEEDBACK);
  });
});
