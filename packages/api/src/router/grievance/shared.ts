import { GRIEVANCE_STATUSES, type GrievanceStatus } from "@edu/domain";
import { z } from "zod";
import type { ApiDeps } from "../../deps";

export const statusSchema = z.enum(GRIEVANCE_STATUSES);
export const grievanceIdInput = z.object({ grievanceId: z.uuid() });

export const grievanceSelect = {
  id: true,
  studentId: true,
  category: true,
  severity: true,
  description: true,
  status: true,
  assignedToId: true,
  resolution: true,
  classId: true,
  submissionId: true,
  feedbackId: true,
  createdAt: true,
  resolvedAt: true,
  updatedAt: true,
  assignedTo: { select: { name: true, role: true } },
} as const;

/** The after-commit effect of every grievance change: its watchers hear the status. */
export const publishStatus = (deps: ApiDeps, id: string, status: GrievanceStatus) => () =>
  deps.redis.updates.publish("grievance", id, { type: "grievance.status", data: { status } });
