import type { WorkerDeps } from "../deps";
import { draftingJobSchema } from "../queues/index";
import { draftFeedbackForSubmission, embeddedProvider } from "./index";

/** Drafts a submission's feedback ahead of the teacher opening it, into the cache feedback.suggest reads. */
export async function handleDraftingJob(deps: WorkerDeps, data: unknown) {
  const payload = draftingJobSchema.parse(data);
  const draft = await draftFeedbackForSubmission(deps.db, deps.ai ?? embeddedProvider, payload.submissionId);
  await deps.redis.cache.set("feedback-suggestion", payload.submissionId, draft);
  return { provider: draft.provider };
}
