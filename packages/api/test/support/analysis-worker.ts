// Plays the worker's part on the analysis queue: a test can leave a submission's job failed, as BullMQ keeps it.
import { createRequire } from "node:module";
import { blockingConnectionOptions } from "@edu/db/redis";
import { analysisJobId, QUEUE_NAMES } from "@edu/jobs";
import type { TestServer } from "./server";

type Job = {
  id?: string;
  moveToFailed(error: Error, token: string, fetchNext: boolean): Promise<unknown>;
  moveToCompleted(value: unknown, token: string, fetchNext: boolean): Promise<unknown>;
};
type Bullmq = {
  Worker: new (
    name: string,
    processor: null,
    options: { connection: unknown; prefix: string; autorun: boolean },
  ) => { getNextJob(token: string): Promise<Job | undefined>; close(): Promise<void> };
  UnrecoverableError: new (message: string) => Error;
};

// The api does not depend on BullMQ itself (it enqueues through @edu/jobs), so the worker's side is reached
// through @edu/jobs' own copy.
const { Worker, UnrecoverableError } = createRequire(import.meta.resolve("@edu/jobs"))("bullmq") as Bullmq;

const TOKEN = "test-token";

/**
 * Takes waiting analysis jobs as a worker would until the submission's own, which fails for good (as an
 * unfetchable repository does); jobs taken before it complete. Throws when the submission has no waiting job.
 */
export async function failAnalysisJob(s: TestServer, submissionId: string) {
  const connection = s.deps.redis.redis.duplicate(blockingConnectionOptions);
  const worker = new Worker(QUEUE_NAMES.analysis, null, {
    connection,
    prefix: s.deps.redis.keys.queuePrefix,
    autorun: false,
  });
  try {
    for (let job = await worker.getNextJob(TOKEN); job; job = await worker.getNextJob(TOKEN)) {
      if (job.id !== analysisJobId(submissionId)) {
        await job.moveToCompleted("not this test's", TOKEN, false);
        continue;
      }
      await job.moveToFailed(new UnrecoverableError("Repository not found"), TOKEN, false);
      return;
    }
    throw new Error(`no waiting analysis job for ${submissionId}`);
  } finally {
    await worker.close();
    connection.disconnect();
  }
}
