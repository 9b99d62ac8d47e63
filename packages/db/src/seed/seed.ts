import { en, Faker } from "@faker-js/faker";
import { hash } from "@node-rs/argon2";
import type { Db } from "../client";
import { levelForPoints } from "../domain/levels";
import { riskLevelFor } from "../domain/risk-levels";
import type { GrievanceCategory, GrievanceStatus, Prisma, Severity } from "../generated/prisma/client";
import {
  ASSIGNMENTS,
  BADGES,
  CLASSES,
  DEMO_DOMAIN,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  FEEDBACK_SNIPPETS,
  GRIEVANCE_TEXTS,
} from "./catalog";
import { seedId } from "./ids";

export type SeedOptions = { students: number; today?: Date };
export type SeedCounts = Record<string, number>;

const DAY = 86_400_000;
const CHUNK = 1_000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes the demo institution. Every row has an id derived from its name (seedId), and every insert skips
 * rows that exist, so running the seed again changes nothing. Randomness comes from a fixed faker seed.
 */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedCounts> {
  const faker = new Faker({ locale: [en] });
  faker.seed(2026);
  const now = options.today ?? new Date();
  // Due dates fall at noon; anything that already happened (predictions) is dated before `now`.
  const today = new Date(now);
  today.setUTCHours(12, 0, 0, 0);
  const passwordHash = await hash(DEMO_PASSWORD);
  const institutionId = seedId("institution", DEMO_DOMAIN);

  await db.institution.createMany({
    data: [{ id: institutionId, name: "Demo University", domain: DEMO_DOMAIN }],
    skipDuplicates: true,
  });

  // Staff
  const staff: Prisma.UserCreateManyInput[] = [
    {
      id: seedId("user", DEMO_LOGINS.admin),
      email: DEMO_LOGINS.admin,
      name: "Ada Admin",
      role: "ADMIN" as const,
    },
    {
      id: seedId("user", DEMO_LOGINS.mentor),
      email: DEMO_LOGINS.mentor,
      name: "Miguel Mentor",
      role: "MENTOR" as const,
    },
    {
      id: seedId("user", DEMO_LOGINS.teacher),
      email: DEMO_LOGINS.teacher,
      name: "Tess Teacher",
      role: "TEACHER" as const,
    },
    ...[2, 3].map((n) => {
      const email = `teacher${n}@${DEMO_DOMAIN}`;
      return { id: seedId("user", email), email, name: faker.person.fullName(), role: "TEACHER" as const };
    }),
  ].map((u) => ({ ...u, institutionId, passwordHash }));
  const teacherIds = staff.filter((u) => u.role === "TEACHER").map((u) => u.id as string);
  const mentorId = seedId("user", DEMO_LOGINS.mentor);

  // Students: a latent diligence in [0, 1] drives their submissions, scores and risk, so the data tells a story.
  const students = Array.from({ length: options.students }, (_, i) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const email =
      i === 0
        ? DEMO_LOGINS.student
        : `${first}.${last}.${i}@${DEMO_DOMAIN}`.toLowerCase().replace(/[^a-z0-9.@]/g, "");
    const userId = seedId("user", email);
    return {
      userId,
      studentId: seedId("student", email),
      email,
      name: i === 0 ? "Sam Student" : `${first} ${last}`,
      github:
        faker.internet
          .username({ firstName: first, lastName: last })
          .replace(/[^A-Za-z0-9-]/g, "")
          .slice(0, 39) || `student${i}`,
      diligence: i === 0 ? 0.7 : faker.number.float({ min: 0, max: 1 }),
      classes:
        i === 0 ? [0, 1] : faker.helpers.arrayElements([0, 1, 2], faker.number.int({ min: 1, max: 2 })),
      mentored: i % 2 === 0,
    };
  });

  await insertChunks(
    [
      ...staff,
      ...students.map((s) => ({
        id: s.userId,
        email: s.email,
        name: s.name,
        role: "STUDENT" as const,
        institutionId,
        passwordHash,
      })),
    ],
    (data) => db.user.createMany({ data, skipDuplicates: true }),
  );
  await insertChunks(students, (chunk) =>
    db.student.createMany({
      data: chunk.map((s) => ({
        id: s.studentId,
        userId: s.userId,
        githubUsername: s.github,
        githubConnected: true,
        mentorId: s.mentored ? mentorId : null,
      })),
      skipDuplicates: true,
    }),
  );

  // Classes, teachers, enrollment, assignments
  const classIds = CLASSES.map((c) => seedId("class", c.key));
  await db.class.createMany({
    data: CLASSES.map((c, i) => ({
      id: classIds[i] as string,
      name: c.name,
      description: c.description,
      institutionId,
    })),
    skipDuplicates: true,
  });
  const teacherOf = (classIndex: number) => teacherIds[classIndex] as string;
  await db.teacherClass.createMany({
    data: [
      ...classIds.map((classId, i) => ({ id: seedId("teaches", i), userId: teacherOf(i), classId })),
      // The demo teacher co-teaches the web class, so their dashboard spans two classes.
      { id: seedId("teaches", "demo-web"), userId: teacherOf(0), classId: classIds[1] as string },
    ],
    skipDuplicates: true,
  });
  await insertChunks(
    students.flatMap((s) =>
      s.classes.map((c) => ({
        id: seedId("enrollment", s.studentId, c),
        studentId: s.studentId,
        classId: classIds[c] as string,
      })),
    ),
    (data) => db.enrollment.createMany({ data, skipDuplicates: true }),
  );
  const assignments = CLASSES.flatMap((c, classIndex) =>
    ASSIGNMENTS[c.key].map((a, n) => ({
      id: seedId("assignment", c.key, n),
      classIndex,
      classId: classIds[classIndex] as string,
      title: a.title,
      description: `${a.title}: push your solution to a GitHub repository and submit its URL.`,
      dueDate: new Date(today.getTime() + a.dueInDays * DAY),
    })),
  );
  await db.assignment.createMany({
    data: assignments.map(({ classIndex: _, ...a }) => a),
    skipDuplicates: true,
  });

  // Submissions (past and near deadlines), findings, feedback, points
  const submissions: Prisma.SubmissionCreateManyInput[] = [];
  const findings: Prisma.AnalysisFindingCreateManyInput[] = [];
  const feedback: Prisma.FeedbackCreateManyInput[] = [];
  const events: Prisma.GamificationEventCreateManyInput[] = [];
  for (const s of students) {
    for (const a of assignments) {
      if (!s.classes.includes(a.classIndex)) continue;
      const dueIn = a.dueDate.getTime() - today.getTime();
      const chance = dueIn > 7 * DAY ? 0 : dueIn > 0 ? 0.3 * s.diligence : 0.25 + 0.75 * s.diligence;
      if (faker.number.float() >= chance) continue;
      const id = seedId("submission", s.studentId, a.id);
      const lateHours = faker.number.float({ min: -72, max: 48 * (1 - s.diligence) });
      const submittedAt = new Date(
        Math.min(a.dueDate.getTime() + lateHours * 3_600_000, now.getTime() - 3_600_000),
      );
      const quality = Math.round(
        Math.min(100, Math.max(20, 45 + 50 * s.diligence + faker.number.float({ min: -12, max: 12 }))),
      );
      const complexity =
        Math.round(Math.max(1, 22 - 14 * s.diligence + faker.number.float({ min: -4, max: 4 })) * 10) / 10;
      submissions.push({
        id,
        studentId: s.studentId,
        assignmentId: a.id,
        githubUrl: `https://github.com/${s.github}/${a.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/-$/, "")}`,
        codeQualityScore: quality,
        complexityScore: complexity,
        analysisStatus: "SCORED",
        submittedAt,
        createdAt: submittedAt,
      });
      if (quality < 75) {
        findings.push({
          id: seedId("finding", id, 0),
          submissionId: id,
          filePath: a.classIndex === 0 ? "main.py" : a.classIndex === 1 ? "src/app.js" : "src/Main.java",
          line: faker.number.int({ min: 5, max: 120 }),
          rule: "cyclomatic-complexity",
          severity: quality < 55 ? "MAJOR" : "MINOR",
          message: `Function has a cyclomatic complexity of ${Math.round(complexity)} (limit 10).`,
          metricValue: Math.round(complexity),
        });
      }
      const onTime = submittedAt <= a.dueDate;
      events.push({
        id: seedId("event", id),
        studentId: s.studentId,
        userId: s.userId,
        eventType: "SUBMISSION",
        pointsAwarded: 10 + (onTime ? 10 : 0) + (quality >= 80 ? 15 : 0),
        dedupeKey: `submission:${id}`,
        createdAt: submittedAt,
      });
      if (dueIn < 0 && faker.number.float() < 0.7) {
        const createdAt = new Date(
          Math.min(
            submittedAt.getTime() + faker.number.float({ min: 2, max: 72 }) * 3_600_000,
            now.getTime(),
          ),
        );
        feedback.push({
          id: seedId("feedback", id),
          submissionId: id,
          teacherId: teacherOf(a.classIndex),
          studentId: s.studentId,
          aiSuggested: faker.number.float() < 0.4,
          content: faker.helpers.arrayElement(FEEDBACK_SNIPPETS),
          rating: Math.max(1, Math.min(5, Math.round(quality / 20))),
          createdAt,
        });
      }
    }
  }
  await insertChunks(submissions, (data) => db.submission.createMany({ data, skipDuplicates: true }));
  await insertChunks(findings, (data) => db.analysisFinding.createMany({ data, skipDuplicates: true }));
  await insertChunks(feedback, (data) => db.feedback.createMany({ data, skipDuplicates: true }));

  // Badges, and the ones each student has earned by simple counts
  await db.badge.createMany({
    data: BADGES.map((b) => ({ id: seedId("badge", b.name), ...b })),
    skipDuplicates: true,
  });
  const badgeId = (name: string) => seedId("badge", name);
  const studentBadges: Prisma.StudentBadgeCreateManyInput[] = [];
  const pointsByStudent = new Map<string, number>();
  for (const e of events)
    pointsByStudent.set(e.studentId, (pointsByStudent.get(e.studentId) ?? 0) + (e.pointsAwarded ?? 0));
  const submissionsByStudent = new Map<string, Prisma.SubmissionCreateManyInput[]>();
  for (const x of submissions)
    submissionsByStudent.set(x.studentId, [...(submissionsByStudent.get(x.studentId) ?? []), x]);
  for (const s of students) {
    const mine = submissionsByStudent.get(s.studentId) ?? [];
    const earned = [
      mine.length >= 1 && "First Commit",
      (pointsByStudent.get(s.studentId) ?? 0) >= 100 && "Getting Started",
      mine.filter((x) => (x.codeQualityScore ?? 0) >= 80).length >= 3 && "Clean Coder",
    ].filter((name): name is string => typeof name === "string");
    for (const name of earned) {
      const unlockedAt = mine.at(-1)?.submittedAt ?? today;
      studentBadges.push({
        id: seedId("student-badge", s.studentId, name),
        studentId: s.studentId,
        badgeId: badgeId(name),
        unlockedAt,
      });
      events.push({
        id: seedId("event", s.studentId, name),
        studentId: s.studentId,
        userId: s.userId,
        eventType: "ACHIEVEMENT",
        pointsAwarded: 0,
        badgeUnlockedId: badgeId(name),
        dedupeKey: `badge:${s.studentId}:${badgeId(name)}`,
        createdAt: unlockedAt,
      });
    }
  }
  await insertChunks(studentBadges, (data) => db.studentBadge.createMany({ data, skipDuplicates: true }));
  await insertChunks(events, (data) => db.gamificationEvent.createMany({ data, skipDuplicates: true }));

  // Risk predictions, and the student row following the latest one
  const predictions = students.map((s) => {
    const riskScore =
      Math.round(
        Math.min(0.98, Math.max(0.02, 1 - s.diligence + faker.number.float({ min: -0.1, max: 0.1 }))) * 1000,
      ) / 1000;
    return {
      id: seedId("risk", s.studentId),
      studentId: s.studentId,
      riskScore,
      riskLevel: riskLevelFor(riskScore),
      submissionFrequency: Math.round(s.diligence * 30) / 10,
      codeQualityTrend: Math.round((s.diligence - 0.5) * 20) / 10,
      engagementScore: Math.round(s.diligence * 100) / 100,
      feedbackResponseTime: Math.round((1 - s.diligence) * 96),
      confidence: 0.8,
      topFactors: [
        { feature: "submissionFrequency", contribution: Math.round((0.5 - s.diligence) * 100) / 100 },
      ],
      modelVersion: "seed",
      predictedAt: new Date(now.getTime() - 3_600_000),
    };
  });
  await insertChunks(predictions, (data) => db.riskPrediction.createMany({ data, skipDuplicates: true }));
  const ids = students.map((s) => s.studentId);
  const points = ids.map((id) => pointsByStudent.get(id) ?? 0);
  await db.$executeRaw`
    UPDATE "Student" AS s SET "currentPoints" = v.points, "currentLevel" = v.level, "currentStreak" = v.streak,
      "riskScore" = v.risk, "riskLevel" = v.level_name::"RiskLevel", "lastActiveOn" = ${today}::date
    FROM unnest(${ids}::uuid[], ${points}::int[], ${points.map(levelForPoints)}::int[],
                ${students.map((s) => Math.round(s.diligence * 9))}::int[],
                ${predictions.map((p) => p.riskScore)}::float8[], ${predictions.map((p) => p.riskLevel)}::text[])
      AS v(id, points, level, streak, risk, level_name)
    WHERE s.id = v.id`;

  await seedGrievances(db, { students, submissions, feedback, teacherIds, today, faker });
  await seedChat(db, students.slice(0, Math.min(students.length, 5)), today);

  return countRows(db);
}

type Student = { userId: string; studentId: string };

async function seedGrievances(
  db: Db,
  ctx: {
    students: Student[];
    submissions: Prisma.SubmissionCreateManyInput[];
    feedback: Prisma.FeedbackCreateManyInput[];
    teacherIds: string[];
    today: Date;
    faker: Faker;
  },
) {
  const admin = seedId("user", DEMO_LOGINS.admin);
  const mentor = seedId("user", DEMO_LOGINS.mentor);
  const plan: { category: GrievanceCategory; severity: Severity; status: GrievanceStatus }[] = [
    { category: "GRADE", severity: "MEDIUM", status: "OPEN" },
    { category: "FEEDBACK", severity: "LOW", status: "IN_PROGRESS" },
    { category: "FAIRNESS", severity: "HIGH", status: "RESOLVED" },
    { category: "OTHER", severity: "MEDIUM", status: "CLOSED" },
    { category: "GRADE", severity: "CRITICAL", status: "IN_PROGRESS" },
    { category: "FEEDBACK", severity: "MEDIUM", status: "RESOLVED" },
    { category: "OTHER", severity: "LOW", status: "OPEN" },
    { category: "FAIRNESS", severity: "MEDIUM", status: "OPEN" },
  ];
  const rows = plan.map((p, i) => {
    const fb = ctx.feedback[(i * 7) % Math.max(1, ctx.feedback.length)];
    const student =
      ctx.students.find((s) => s.studentId === fb?.studentId) ?? ctx.students[i % ctx.students.length];
    const sub = ctx.submissions.find((s) => s.id === fb?.submissionId);
    const createdAt = new Date(ctx.today.getTime() - (10 - i) * DAY);
    // The assignee follows the routing table of the api's grievance rules (README, "Grievance routing").
    const assignedToId =
      p.severity === "CRITICAL" || p.category === "FAIRNESS"
        ? admin
        : p.category === "OTHER"
          ? mentor
          : ((fb?.teacherId as string | undefined) ?? admin);
    const rule =
      p.severity === "CRITICAL"
        ? "critical-severity"
        : {
            GRADE: "grade-class-teacher",
            FEEDBACK: "feedback-author",
            FAIRNESS: "fairness-admin",
            OTHER: "other-mentor",
          }[p.category];
    return {
      row: {
        id: seedId("grievance", i),
        studentId: student?.studentId as string,
        category: p.category,
        severity: p.severity,
        description: GRIEVANCE_TEXTS[p.category],
        status: p.status,
        assignedToId,
        submissionId: p.category === "GRADE" ? (sub?.id ?? null) : null,
        feedbackId: p.category === "FEEDBACK" ? (fb?.id ?? null) : null,
        resolution:
          p.status === "RESOLVED" || p.status === "CLOSED"
            ? "Reviewed with the student; explained and adjusted where needed."
            : null,
        resolvedAt:
          p.status === "RESOLVED" || p.status === "CLOSED" ? new Date(createdAt.getTime() + 3 * DAY) : null,
        createdAt,
      },
      rule,
      student,
    };
  });
  const inserted = await db.grievance.createManyAndReturn({
    data: rows.map((r) => r.row),
    skipDuplicates: true,
    select: { id: true },
  });
  const fresh = new Set(inserted.map((g) => g.id));
  // Audit rows are immutable and have no natural key: they are written only with the grievance they describe.
  const audit: Prisma.GrievanceAuditLogCreateManyInput[] = [];
  for (const { row, rule, student } of rows) {
    if (!fresh.has(row.id)) continue;
    const at = (days: number) => new Date(row.createdAt.getTime() + days * DAY);
    audit.push({
      grievanceId: row.id,
      actorId: student?.userId ?? null,
      action: "FILED",
      details: { category: row.category, severity: row.severity },
      createdAt: row.createdAt,
    });
    audit.push({
      grievanceId: row.id,
      actorId: null,
      action: "ROUTED",
      details: { rule, assignedToId: row.assignedToId },
      createdAt: row.createdAt,
    });
    const path: GrievanceStatus[] = {
      OPEN: [],
      IN_PROGRESS: ["IN_PROGRESS"],
      RESOLVED: ["IN_PROGRESS", "RESOLVED"],
      CLOSED: ["IN_PROGRESS", "RESOLVED", "CLOSED"],
    }[row.status] as GrievanceStatus[];
    let from: GrievanceStatus = "OPEN";
    path.forEach((to, n) => {
      audit.push({
        grievanceId: row.id,
        actorId: row.assignedToId,
        action: to === "RESOLVED" ? "RESOLVED" : "STATUS_CHANGED",
        details: to === "RESOLVED" ? { from, to, resolution: row.resolution } : { from, to },
        createdAt: at(n + 1),
      });
      from = to;
    });
  }
  if (audit.length > 0) await db.grievanceAuditLog.createMany({ data: audit });
}

async function seedChat(db: Db, students: Student[], today: Date) {
  const lines = [
    ["USER", "When is my next deadline?"],
    ["ASSISTANT", 'Your next deadline is "Text adventure engine" in Intro to Programming, due in 3 days.'],
    ["USER", "How did my last submission score?"],
    [
      "ASSISTANT",
      "Your last submission scored 81/100 for code quality. The feedback suggests flattening nested conditionals.",
    ],
  ] as const;
  await db.chatMessage.createMany({
    data: students.flatMap((s) =>
      lines.map(([role, content], n) => ({
        id: seedId("chat", s.studentId, n),
        userId: s.userId,
        studentId: s.studentId,
        role,
        content,
        createdAt: new Date(today.getTime() - DAY + n * 60_000),
      })),
    ),
    skipDuplicates: true,
  });
}

// Each table the seed fills, under the name its count is reported by.
const COUNTED_TABLES = {
  institutions: "Institution",
  users: "User",
  students: "Student",
  classes: "Class",
  enrollments: "Enrollment",
  assignments: "Assignment",
  submissions: "Submission",
  feedback: "Feedback",
  grievances: "Grievance",
  grievanceAudit: "GrievanceAuditLog",
  badges: "Badge",
  studentBadges: "StudentBadge",
  events: "GamificationEvent",
  predictions: "RiskPrediction",
  chat: "ChatMessage",
} as const;

export async function countRows(db: Db): Promise<SeedCounts> {
  const counts = await Promise.all(
    Object.entries(COUNTED_TABLES).map(async ([name, table]) => {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
      return [name, Number(row?.n ?? 0)] as const;
    }),
  );
  return Object.fromEntries(counts);
}
