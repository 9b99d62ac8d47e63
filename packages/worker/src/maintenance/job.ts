import { maintenanceJobSchema } from "@edu/jobs";
import type { WorkerDeps } from "../deps";
import { recomputeBadgeRarity } from "./badge-rarity";
import { reconcileSubmissions } from "./reconcile";

export async function handleMaintenanceJob(deps: WorkerDeps, data: unknown) {
  const { task } = maintenanceJobSchema.parse(data);
  switch (task) {
    case "reconcile":
      return reconcileSubmissions(deps);
    case "badge-rarity":
      return recomputeBadgeRarity(deps);
    default: {
      const unknown: never = task;
      throw new Error(`unknown maintenance task ${String(unknown)}`);
    }
  }
}
