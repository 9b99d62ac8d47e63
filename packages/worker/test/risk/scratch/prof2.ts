import { createDbWithPool } from "@edu/db";
const name = process.argv[2] ?? "edu_scratch_risk";
const { db, pool } = createDbWithPool({ DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${name}`, DATABASE_POOL_MAX: 5 });
const now = new Date();
const ids = (await db.student.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
const chunk = ids.slice(0, 1000);
const T = async (label: string, f: () => Promise<unknown>) => { const a = performance.now(); const r = await f(); console.log(label, (performance.now() - a).toFixed(1)); return r; };
for (let k = 0; k < 2; k++) {
await T("enroll", () => db.enrollment.findMany({ where: { studentId: { in: chunk } }, select: { studentId: true, classId: true } }));
await T("subs", () => db.submission.findMany({ where: { studentId: { in: chunk }, submittedAt: { lte: now } }, select: { studentId: true, assignmentId: true, submittedAt: true, codeQualityScore: true } }));
await T("subs raw", () => db.$queryRaw`SELECT "studentId", "assignmentId", "submittedAt", "codeQualityScore" FROM "Submission" WHERE "studentId" = ANY(${chunk}::uuid[]) AND "submittedAt" <= ${now}`);
await T("fb", () => db.feedback.findMany({ where: { studentId: { in: chunk }, createdAt: { lte: now } }, select: { studentId: true, createdAt: true } }));
await T("prev", () => db.student.findMany({ where: { id: { in: chunk } }, select: { id: true, riskLevel: true } }));
}
await db.$disconnect(); await pool.end();
