import { maintenanceJobSchema } from "@edu/jobs";
import type { WorkerDeps } from "../deps";
import { reconcileSubmissions } from "./reconcile";

export async function handleMaintenanceJob(deps: WorkerDeps, data: unknown) {
  maintenanceJobSchema.parse(data);
  return reconcileSubmissions(deps);
}
