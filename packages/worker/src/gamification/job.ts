import { gamificationJobSchema } from "@edu/jobs";
import type { WorkerDeps } from "../deps";
import { awardForScoredSubmission } from "./award";

export async function handleGamificationJob(deps: WorkerDeps, data: unknown) {
  const payload = gamificationJobSchema.parse(data);
  return awardForScoredSubmission(deps, payload.submissionId);
}
