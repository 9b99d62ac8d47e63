// submission.create's write as one statement: the enrollment check and the INSERT together, answering the row
// in `submissionSelect`'s shape. Through the ORM this was a findFirst and a create, each compiled per call (with
// the audit row, about a third of the call's CPU); the ORM's rules are kept: a UUIDv7 id made here (as
// `@default(uuid(7))` does), the timestamps Prisma would set, PENDING.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@edu/db";
import type { SubmissionRow } from "./submission-analysis";

/** A UUIDv7 (RFC 9562: 48-bit Unix milliseconds, version 7, variant 10, random rest), as Prisma's uuid(7). */
export function uuid7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Inserts the submission if the assignment is in a class the student is enrolled in; null otherwise. */
export async function insertSubmission(
  tx: Prisma.TransactionClient,
  data: { studentId: string; assignmentId: string; githubUrl: string },
): Promise<SubmissionRow | null> {
  const now = new Date();
  const at = now.toISOString();
  const rows = await tx.$queryRaw<SubmissionRow[]>`
    INSERT INTO "Submission"
      ("id", "studentId", "assignmentId", "githubUrl", "analysisStatus", "submittedAt", "createdAt", "updatedAt")
    SELECT ${uuid7(now.getTime())}::uuid, ${data.studentId}::uuid, a."id", ${data.githubUrl}, 'PENDING',
           ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
    FROM "Assignment" a
    WHERE a."id" = ${data.assignmentId}::uuid
      AND EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."classId" = a."classId" AND e."studentId" = ${data.studentId}::uuid)
    RETURNING "id", "studentId", "assignmentId", "githubUrl", "codeQualityScore", "complexityScore",
              "maintainabilityRating"::text AS "maintainabilityRating", "analysisStatus"::text AS "analysisStatus",
              "analysisMessage", "submittedAt"`;
  return rows[0] ?? null;
}
