import type { Db } from "@edu/db";
import { progressForPoints } from "@edu/domain";
import type { FeedbackDraftInput, StudentContext } from "./types";

/** The asking student's own data. Every query is filtered by this studentId: nothing else can reach a reply. */
export async function loadStudentContext(db: Db, studentId: string, now: Date): Promise<StudentContext> {
  const student = await db.student.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      currentPoints: true,
      currentStreak: true,
      user: { select: { name: true } },
      enrollments: { select: { classId: true } },
    },
  });
  const classIds = student.enrollments.map((e) => e.classId);
  const [assignments, submissions, feedback, badges, grievances] = await Promise.all([
    db.assignment.findMany({
      where: { classId: { in: classIds }, dueDate: { gte: new Date(now.getTime() - 7 * 86_400_000) } },
      select: {
        title: true,
        dueDate: true,
        class: { select: { name: true } },
        submissions: { where: { studentId }, select: { id: true }, take: 1 },
      },
      orderBy: { dueDate: "asc" },
      take: 20,
    }),
    db.submission.findMany({
      where: { studentId },
      select: { codeQualityScore: true, submittedAt: true, assignment: { select: { title: true } } },
      orderBy: { submittedAt: "desc" },
      take: 5,
    }),
    db.feedback.findMany({
      where: { studentId },
      select: {
        content: true,
        rating: true,
        createdAt: true,
        submission: { select: { assignment: { select: { title: true } } } },
      },
      orderBy: { createdAt: "desc" },
      take: 3,
    }),
    db.studentBadge.findMany({
      where: { studentId },
      select: { badge: { select: { name: true, rarity: true } } },
      orderBy: { unlockedAt: "asc" },
    }),
    db.grievance.findMany({
      where: { studentId },
      select: { category: true, status: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 5,
    }),
  ]);
  const progress = progressForPoints(student.currentPoints);
  return {
    name: student.user.name,
    points: progress.points,
    level: progress.level,
    streak: student.currentStreak,
    pointsToNextLevel: progress.pointsToNextLevel,
    deadlines: assignments.map((a) => ({
      title: a.title,
      className: a.class.name,
      dueDate: a.dueDate,
      submitted: a.submissions.length > 0,
    })),
    recentScores: submissions.map((s) => ({
      title: s.assignment.title,
      codeQualityScore: s.codeQualityScore,
      submittedAt: s.submittedAt,
    })),
    recentFeedback: feedback.map((f) => ({
      title: f.submission.assignment.title,
      content: f.content,
      rating: f.rating,
      createdAt: f.createdAt,
    })),
    badges: badges.map((b) => b.badge),
    grievances,
  };
}

export async function loadFeedbackDraftInput(db: Db, submissionId: string): Promise<FeedbackDraftInput> {
  const submission = await db.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: {
      studentId: true,
      submittedAt: true,
      codeQualityScore: true,
      complexityScore: true,
      assignment: { select: { title: true } },
      findings: {
        select: { filePath: true, line: true, rule: true, severity: true, message: true, metricValue: true },
      },
    },
  });
  const previous = await db.submission.findMany({
    where: {
      studentId: submission.studentId,
      submittedAt: { lt: submission.submittedAt },
      codeQualityScore: { not: null },
    },
    select: { codeQualityScore: true },
    orderBy: { submittedAt: "asc" },
    take: 10,
  });
  return {
    assignmentTitle: submission.assignment.title,
    codeQualityScore: submission.codeQualityScore,
    complexityScore: submission.complexityScore,
    findings: submission.findings,
    previousScores: previous.map((p) => p.codeQualityScore ?? 0),
  };
}
