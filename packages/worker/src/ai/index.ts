import type { Db } from "@edu/db";
import { loadFeedbackDraftInput } from "./context";
import { writeChatReply } from "./embedded-chat";
import { writeFeedbackDraft } from "./embedded-feedback";
import type { AiProvider } from "./types";

export { loadStudentContext } from "./context";
export type { AiProvider, FeedbackDraftInput, StudentContext } from "./types";
export { writeChatReply, writeFeedbackDraft };

/** The embedded default: deterministic, offline, written from the platform's own data. */
export const embeddedProvider: AiProvider = {
  name: "embedded",
  draftFeedback: async (input) => writeFeedbackDraft(input),
  chatReply: async (question, context, now) => writeChatReply(question, context, now),
};

export type FeedbackDraft = { text: string; provider: string; createdAt: Date };

export async function draftFeedbackForSubmission(
  db: Db,
  provider: AiProvider,
  submissionId: string,
): Promise<FeedbackDraft> {
  const text = await provider.draftFeedback(await loadFeedbackDraftInput(db, submissionId));
  return { text, provider: provider.name, createdAt: new Date() };
}
