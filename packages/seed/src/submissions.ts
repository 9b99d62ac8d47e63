// Submissions to past and near assignments, their analysis findings, teachers' feedback, and resubmissions
// that answer feedback. Diligence drives how often, how early and how well a student submits.
import type { Db, Prisma } from "@edu/db";
import { ratingForScore } from "@edu/domain";
import type { Faker } from "@faker-js/faker";
import { FEEDBACK_SNIPPETS } from "./catalog";
import type { Classes, SeededAssignment } from "./classes";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import type { People, SeededStudent } from "./institution-and-people";
import { type Clock, DAY, HOUR, insertChunks, type Random, STREAMS } from "./support";

export type SeededSubmission = {
  id: string;
  studentId: string;
  assignmentId: string;
  classIndex: number;
  submittedAt: Date;
  codeQualityScore: number;
};

export type SeededFeedback = {
  id: string;
  submissionId: string;
  studentId: string;
  teacherId: string;
  classIndex: number;
  createdAt: Date;
};

/** What the students handed in and what their teachers said, in student order. */
export type Coursework = { submissions: SeededSubmission[]; feedback: SeededFeedback[] };

type Rows = {
  submissions: Prisma.SubmissionCreateManyInput[];
  findings: Prisma.AnalysisFindingCreateManyInput[];
  feedback: Prisma.FeedbackCreateManyInput[];
};

const MAIN_FILE = ["main.py", "src/app.js", "src/Main.java"];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** One scored submission, with a complexity finding when its quality is low. */
function submit(
  rows: Rows,
  faker: Faker,
  s: SeededStudent,
  a: SeededAssignment,
  at: { id: string; submittedAt: Date; quality: number; complexity: number },
): SeededSubmission {
  rows.submissions.push({
    id: at.id,
    studentId: s.studentId,
    assignmentId: a.id,
    githubUrl: `https://github.com/${s.github}/${a.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/-$/, "")}`,
    codeQualityScore: at.quality,
    complexityScore: at.complexity,
    maintainabilityRating: ratingForScore(at.quality),
    analysisStatus: "SCORED",
    submittedAt: at.submittedAt,
    createdAt: at.submittedAt,
    updatedAt: at.submittedAt,
  });
  if (at.quality < 75) {
    rows.findings.push({
      id: seedId("finding", at.id, 0),
      submissionId: at.id,
      filePath: MAIN_FILE[a.classIndex] ?? "main",
      line: faker.number.int({ min: 5, max: 120 }),
      rule: "cyclomatic-complexity",
      severity: at.quality < 55 ? "MAJOR" : "MINOR",
      message: `Function has a cyclomatic complexity of ${Math.round(at.complexity)} (limit 10).`,
      metricValue: Math.round(at.complexity),
    });
  }
  return {
    id: at.id,
    studentId: s.studentId,
    assignmentId: a.id,
    classIndex: a.classIndex,
    submittedAt: at.submittedAt,
    codeQualityScore: at.quality,
  };
}

function planStudentWork(
  s: SeededStudent,
  classes: Classes,
  clock: Clock,
  people: People,
  faker: Faker,
  out: Coursework,
  rows: Rows,
) {
  const latest = clock.now.getTime() - HOUR;
  for (const a of classes.assignments) {
    if (!s.classIndexes.includes(a.classIndex)) continue;
    const dueIn = a.dueDate.getTime() - clock.today.getTime();
    const chance = dueIn > 7 * DAY ? 0 : dueIn > 0 ? 0.3 * s.diligence : 0.25 + 0.75 * s.diligence;
    if (faker.number.float() >= chance) continue;
    const lateHours = faker.number.float({ min: -72, max: 48 * (1 - s.diligence) });
    const quality = Math.round(
      clamp(45 + 50 * s.diligence + faker.number.float({ min: -12, max: 12 }), 20, 100),
    );
    const complexity =
      Math.round(Math.max(1, 22 - 14 * s.diligence + faker.number.float({ min: -4, max: 4 })) * 10) / 10;
    const first = submit(rows, faker, s, a, {
      id: seedId("submission", s.studentId, a.id),
      submittedAt: new Date(Math.min(a.dueDate.getTime() + lateHours * HOUR, latest)),
      quality,
      complexity,
    });
    out.submissions.push(first);
    if (!(dueIn < 0 && faker.number.float() < 0.7)) continue;

    // The class's lead teacher reviews past-due work within three days.
    const feedbackAt = new Date(
      Math.min(
        first.submittedAt.getTime() + faker.number.float({ min: 2, max: 72 }) * HOUR,
        clock.now.getTime(),
      ),
    );
    const feedback: SeededFeedback = {
      id: seedId("feedback", first.id),
      submissionId: first.id,
      studentId: s.studentId,
      teacherId: people.leadTeacherIds[a.classIndex] as string,
      classIndex: a.classIndex,
      createdAt: feedbackAt,
    };
    out.feedback.push(feedback);
    rows.feedback.push({
      id: feedback.id,
      submissionId: feedback.submissionId,
      teacherId: feedback.teacherId,
      studentId: feedback.studentId,
      aiSuggested: faker.number.float() < 0.4,
      content: faker.helpers.arrayElement(FEEDBACK_SNIPPETS),
      rating: clamp(Math.round(quality / 20), 1, 5),
      createdAt: feedbackAt,
      updatedAt: feedbackAt,
    });

    // Diligent students act on feedback that leaves room to improve: a better resubmission a few days later.
    if (quality >= 85 || faker.number.float() >= 0.6 * s.diligence) continue;
    const again = feedbackAt.getTime() + faker.number.float({ min: 12, max: 96 }) * HOUR;
    const improvement = faker.number.int({ min: 4, max: 18 });
    const simpler = faker.number.float({ min: 0, max: 4 });
    if (again > latest) continue;
    out.submissions.push(
      submit(rows, faker, s, a, {
        id: seedId("submission", s.studentId, a.id, "resubmission"),
        submittedAt: new Date(again),
        quality: Math.min(100, quality + improvement),
        complexity: Math.round(Math.max(1, complexity - simpler) * 10) / 10,
      }),
    );
  }
}

export async function seedCoursework(
  db: Db,
  people: People,
  classes: Classes,
  clock: Clock,
  random: Random,
): Promise<Coursework> {
  const coursework: Coursework = { submissions: [], feedback: [] };
  const rows: Rows = { submissions: [], findings: [], feedback: [] };
  for (const s of people.students)
    planStudentWork(s, classes, clock, people, random(STREAMS.coursework, s.index), coursework, rows);
  await insertChunks(rows.submissions, (data) =>
    insertRows(
      db,
      "Submission",
      {
        id: "uuid",
        studentId: "uuid",
        assignmentId: "uuid",
        githubUrl: "text",
        codeQualityScore: "float8",
        complexityScore: "float8",
        maintainabilityRating: '"MaintainabilityRating"',
        analysisStatus: '"AnalysisStatus"',
        submittedAt: "timestamptz",
        createdAt: "timestamptz",
        updatedAt: "timestamptz",
      },
      data,
    ),
  );
  await insertChunks(rows.findings, (data) =>
    insertRows(
      db,
      "AnalysisFinding",
      {
        id: "uuid",
        submissionId: "uuid",
        filePath: "text",
        line: "int",
        rule: "text",
        severity: '"FindingSeverity"',
        message: "text",
        metricValue: "float8",
      },
      data,
    ),
  );
  await insertChunks(rows.feedback, (data) =>
    insertRows(
      db,
      "Feedback",
      {
        id: "uuid",
        submissionId: "uuid",
        teacherId: "uuid",
        studentId: "uuid",
        aiSuggested: "boolean",
        content: "text",
        rating: "int",
        createdAt: "timestamptz",
        updatedAt: "timestamptz",
      },
      data,
    ),
  );
  return coursework;
}
