import type { WorkerDeps } from "../deps";
import { riskJobSchema } from "../queues/index";
import { recomputeRisk } from "./recompute";

export async function handleRiskJob(deps: WorkerDeps, data: unknown) {
  return recomputeRisk(deps, riskJobSchema.parse(data));
}
