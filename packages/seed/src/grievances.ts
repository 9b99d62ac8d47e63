// Eight grievances, filed one after another and routed as the api files them (packages/api/src/router/grievance/
// file.ts with candidates.ts beside it): @edu/domain's routing table over the people the grievance
// concerns and each one's open grievances at that moment, then moved along legal transitions to their status.
import type { Db, Prisma } from "@edu/db";
import {
  type GrievanceCategory,
  type GrievanceStatus,
  OPEN_STATUSES,
  type RoutingPeople,
  type RoutingRule,
  routeGrievance,
  routingInputFor,
  type Severity,
  shortestPathTo,
  transitionAction,
} from "@edu/domain";
import { CLASSES, GRIEVANCE_TEXTS } from "./catalog";
import type { Classes } from "./classes";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import type { People, SeededStudent } from "./institution-and-people";
import type { Coursework } from "./submissions";
import { type Clock, DAY, daysFrom, HOUR } from "./support";

type ClassKey = (typeof CLASSES)[number]["key"];
type About = { kind: "feedback" | "submission" | "class"; classKey: ClassKey } | { kind: "nothing" };
type Filing = {
  category: GrievanceCategory;
  severity: Severity;
  status: GrievanceStatus;
  about: About;
  filer?: "mentored" | "unmentored";
};

const RESOLUTION = "Reviewed with the student; explained and adjusted where needed.";

/**
 * Filed a day apart, in this order, covering every status and every routing rule. The first grievance leaves
 * the demo teacher (author of Python feedback) with an open grievance, so the GRADE grievance about the web
 * class, which the demo teacher co-teaches, goes to its other teacher: the least-loaded choice, against the
 * tie-break (the demo teacher's id is the lower one).
 */
const PLAN: Filing[] = [
  {
    category: "FEEDBACK",
    severity: "LOW",
    status: "IN_PROGRESS",
    about: { kind: "feedback", classKey: "python" },
  },
  { category: "GRADE", severity: "MEDIUM", status: "OPEN", about: { kind: "submission", classKey: "web" } },
  { category: "FAIRNESS", severity: "HIGH", status: "RESOLVED", about: { kind: "class", classKey: "java" } },
  { category: "OTHER", severity: "MEDIUM", status: "CLOSED", about: { kind: "nothing" }, filer: "mentored" },
  {
    category: "GRADE",
    severity: "CRITICAL",
    status: "IN_PROGRESS",
    about: { kind: "submission", classKey: "python" },
  },
  {
    category: "FEEDBACK",
    severity: "MEDIUM",
    status: "RESOLVED",
    about: { kind: "feedback", classKey: "web" },
  },
  { category: "OTHER", severity: "LOW", status: "OPEN", about: { kind: "nothing" }, filer: "unmentored" },
  { category: "FAIRNESS", severity: "MEDIUM", status: "OPEN", about: { kind: "nothing" } },
];

type Subject = {
  student: SeededStudent;
  refs: { classId?: string; submissionId?: string; feedbackId?: string };
  people: RoutingPeople;
};

type Filed = {
  id: string;
  assignedToId: string;
  rule: RoutingRule;
  subject: Subject;
  filing: Filing;
  filedAt: Date;
  /** OPEN at filing, then each transition with its time. */
  timeline: { status: GrievanceStatus; at: Date }[];
};

type Context = { people: People; classes: Classes; coursework: Coursework };

/** The student filing, and what the grievance references: their own feedback, submission or class. */
function subjectFor(filing: Filing, filedAt: Date, ctx: Context, used: Set<string>): Subject {
  const { people, classes, coursework } = ctx;
  const byId = new Map(people.students.map((s) => [s.studentId, s]));
  const unusedFirst = <T extends { studentId: string }>(xs: T[]) =>
    xs.find((x) => !used.has(x.studentId)) ?? xs[0];
  const about = filing.about;
  const classIndex = about.kind === "nothing" ? -1 : CLASSES.findIndex((c) => c.key === about.classKey);
  let found: { studentId: string; refs: Subject["refs"]; feedbackAuthorId?: string } | undefined;
  if (about.kind === "feedback") {
    const f = unusedFirst(
      coursework.feedback.filter((f) => f.classIndex === classIndex && f.createdAt < filedAt),
    );
    if (f) found = { studentId: f.studentId, refs: { feedbackId: f.id }, feedbackAuthorId: f.teacherId };
  } else if (about.kind === "submission") {
    const s = unusedFirst(
      coursework.submissions.filter((s) => s.classIndex === classIndex && s.submittedAt < filedAt),
    );
    if (s) found = { studentId: s.studentId, refs: { submissionId: s.id } };
  } else if (about.kind === "class") {
    const s = unusedFirst(people.students.filter((s) => s.classIndexes.includes(classIndex)));
    if (s) found = { studentId: s.studentId, refs: { classId: classes.ids[classIndex] as string } };
  }
  // Nothing to reference (a small seed): the student files without a reference, and routing falls back.
  const fallback =
    unusedFirst(
      people.students.filter((s) => !filing.filer || (s.mentorId !== null) === (filing.filer === "mentored")),
    ) ?? (people.students[0] as SeededStudent);
  const student = (found && byId.get(found.studentId)) ?? fallback;
  const refs = found?.refs ?? {};
  return {
    student,
    refs,
    people: {
      classTeacherIds: found && classIndex >= 0 ? (classes.teacherIds[classIndex] ?? []) : [],
      feedbackAuthorId: found?.feedbackAuthorId ?? null,
      mentorId: student.mentorId,
      adminIds: people.adminIds,
    },
  };
}

const statusAt = (g: Filed, at: Date) => g.timeline.filter((t) => t.at < at).at(-1)?.status;

function fileAll(ctx: Context, clock: Clock): Filed[] {
  const filed: Filed[] = [];
  const used = new Set<string>();
  PLAN.forEach((filing, i) => {
    const filedAt = daysFrom(clock.today, i - 10);
    const subject = subjectFor(filing, filedAt, ctx, used);
    used.add(subject.student.studentId);
    // Each candidate's workload when this grievance is filed: the earlier ones still OPEN or IN_PROGRESS.
    const openGrievances = (userId: string) =>
      filed.filter(
        (g) => g.assignedToId === userId && OPEN_STATUSES.includes(statusAt(g, filedAt) ?? "CLOSED"),
      ).length;
    const decision = routeGrievance(
      routingInputFor(
        { category: filing.category, severity: filing.severity },
        subject.people,
        openGrievances,
      ),
    );
    if (decision.assignedToId === null) throw new Error("The demo institution has no admin to route to");
    // Worked on a day at a time, mid-afternoon, so no transition coincides with another filing.
    const timeline = [
      { status: "OPEN" as GrievanceStatus, at: filedAt },
      ...shortestPathTo(filing.status).map((status, n) => ({
        status,
        at: new Date(filedAt.getTime() + (n + 1) * DAY + 3 * HOUR),
      })),
    ];
    filed.push({ id: seedId("grievance", i), ...decision, subject, filing, filedAt, timeline });
  });
  return filed;
}

function auditOf(g: Filed): Prisma.GrievanceAuditLogCreateManyInput[] {
  const { category, severity } = g.filing;
  const rows: Prisma.GrievanceAuditLogCreateManyInput[] = [
    {
      grievanceId: g.id,
      actorId: g.subject.student.userId,
      action: "FILED",
      details: { category, severity },
      createdAt: g.filedAt,
    },
    {
      grievanceId: g.id,
      actorId: null,
      action: "ROUTED",
      details: { rule: g.rule, assignedToId: g.assignedToId },
      createdAt: g.filedAt,
    },
  ];
  g.timeline.forEach(({ status: to, at }, n) => {
    if (n === 0) return;
    const from = g.timeline[n - 1]?.status;
    rows.push({
      grievanceId: g.id,
      actorId: g.assignedToId,
      action: transitionAction(to),
      details: to === "RESOLVED" ? { from, to, resolution: RESOLUTION } : { from, to },
      createdAt: at,
    });
  });
  return rows;
}

function rowOf(g: Filed): Prisma.GrievanceCreateManyInput {
  const last = g.timeline.at(-1) ?? { status: "OPEN", at: g.filedAt };
  const resolved = g.timeline.filter((t) => t.status === "RESOLVED").at(-1);
  const settled = last.status === "RESOLVED" || last.status === "CLOSED";
  return {
    id: g.id,
    studentId: g.subject.student.studentId,
    category: g.filing.category,
    severity: g.filing.severity,
    description: GRIEVANCE_TEXTS[g.filing.category],
    status: last.status,
    assignedToId: g.assignedToId,
    ...g.subject.refs,
    resolution: settled ? RESOLUTION : null,
    resolvedAt: settled ? (resolved?.at ?? null) : null,
    createdAt: g.filedAt,
    updatedAt: last.at,
  };
}

/** Audit rows have no natural key, so they are written only with the grievance they describe. */
export async function seedGrievances(db: Db, ctx: Context, clock: Clock) {
  const filed = fileAll(ctx, clock);
  await db.$transaction(async (tx) => {
    const fresh = await insertRows(
      tx,
      "Grievance",
      {
        id: "uuid",
        studentId: "uuid",
        category: '"GrievanceCategory"',
        severity: '"Severity"',
        description: "text",
        status: '"GrievanceStatus"',
        assignedToId: "uuid",
        classId: "uuid",
        submissionId: "uuid",
        feedbackId: "uuid",
        resolution: "text",
        resolvedAt: "timestamptz",
        createdAt: "timestamptz",
        updatedAt: "timestamptz",
      },
      filed.map(rowOf),
    );
    // The audit table has no key but its sequence: rows are in filing order, as the api writes them.
    await insertRows(
      tx,
      "GrievanceAuditLog",
      { grievanceId: "uuid", actorId: "uuid", action: "text", details: "jsonb", createdAt: "timestamptz" },
      filed.filter((g) => fresh.has(g.id)).flatMap(auditOf),
    );
  });
}
