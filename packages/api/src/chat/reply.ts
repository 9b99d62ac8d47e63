import { loadStudentContext } from "@edu/ai";
import type { ApiDeps } from "../deps";

/** The assistant's answer, grounded only on the asking student's own data. */
export async function replyToStudent(deps: ApiDeps, studentId: string, question: string): Promise<string> {
  const now = new Date();
  return deps.ai.chatReply(question, await loadStudentContext(deps.db, studentId, now), now);
}
