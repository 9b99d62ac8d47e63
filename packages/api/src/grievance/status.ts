// The grievance life cycle (seed property 8). RESOLVED may be reopened; CLOSED is final.
import type { GrievanceStatus } from "@edu/db";

export const TRANSITIONS: Record<GrievanceStatus, GrievanceStatus[]> = {
  OPEN: ["IN_PROGRESS"],
  IN_PROGRESS: ["RESOLVED"],
  RESOLVED: ["CLOSED", "OPEN"],
  CLOSED: [],
};

export function canTransition(from: GrievanceStatus, to: GrievanceStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const OPEN_STATUSES: GrievanceStatus[] = ["OPEN", "IN_PROGRESS"];
