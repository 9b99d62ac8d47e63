import type { Db } from "@edu/db";
import type { Logger } from "pino";
import type { AiConfig } from "./config";
import { loadFeedbackDraftInput } from "./context";
import { writeChatReply } from "./embedded-chat";
import { writeFeedbackDraft } from "./embedded-feedback";
import { OpenAiCompatibleProvider } from "./openai";
import type { AiProvider } from "./types";

export { type AiConfig, aiEnvSchema } from "./config";
export { loadStudentContext } from "./context";
export { OpenAiCompatibleProvider } from "./openai";
export type { AiProvider, FeedbackDraftInput, StudentContext } from "./types";
export { writeChatReply, writeFeedbackDraft };

/** The embedded default: deterministic, offline, written from the platform's own data. */
export const embeddedProvider: AiProvider = {
  name: "embedded",
  draftFeedback: async (input) => writeFeedbackDraft(input),
  chatReply: async (question, context, now) => writeChatReply(question, context, now),
};

/** The configured provider: the OpenAI-compatible endpoint when LLM_BASE_URL is set, with the embedded writer behind it. */
export function createAiProvider(config: AiConfig, log: Logger): AiProvider {
  return config.LLM_BASE_URL
    ? new OpenAiCompatibleProvider({ ...config, LLM_BASE_URL: config.LLM_BASE_URL }, embeddedProvider, log)
    : embeddedProvider;
}

export type FeedbackDraft = { text: string; provider: string; createdAt: Date };

export async function draftFeedbackForSubmission(
  db: Db,
  provider: AiProvider,
  submissionId: string,
): Promise<FeedbackDraft> {
  const text = await provider.draftFeedback(await loadFeedbackDraftInput(db, submissionId));
  return { text, provider: provider.name, createdAt: new Date() };
}
