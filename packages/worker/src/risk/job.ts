import { riskJobSchema } from "@edu/jobs";
import type { WorkerDeps } from "../deps";
import { recomputeRisk } from "./recompute";

export async function handleRiskJob(deps: WorkerDeps, data: unknown) {
  return recomputeRisk(deps, riskJobSchema.parse(data));
}
