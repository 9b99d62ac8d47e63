// The grievance life cycle (seed property 8). RESOLVED may be reopened; CLOSED is final.
import type { GrievanceStatus } from "../enums";

export const TRANSITIONS: Record<GrievanceStatus, GrievanceStatus[]> = {
  OPEN: ["IN_PROGRESS"],
  IN_PROGRESS: ["RESOLVED"],
  RESOLVED: ["CLOSED", "OPEN"],
  CLOSED: [],
};

export function canTransition(from: GrievanceStatus, to: GrievanceStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which a grievance still needs its assignee: they count towards routing's workload. */
export const OPEN_STATUSES: GrievanceStatus[] = ["OPEN", "IN_PROGRESS"];

/** Whether a history of statuses, starting at filing (OPEN), moves only along legal transitions. */
export function isLegalPath(statuses: GrievanceStatus[]): boolean {
  return (
    statuses[0] === "OPEN" &&
    statuses.every((to, i) => i === 0 || canTransition(statuses[i - 1] as GrievanceStatus, to))
  );
}

/** The shortest legal path from OPEN to `status`, OPEN excluded (breadth-first over TRANSITIONS). */
export function shortestPathTo(status: GrievanceStatus): GrievanceStatus[] {
  const previous = new Map<GrievanceStatus, GrievanceStatus | null>([["OPEN", null]]);
  const queue: GrievanceStatus[] = ["OPEN"];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const next of TRANSITIONS[at]) {
      if (previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  if (!previous.has(status)) throw new Error(`${status} cannot be reached from OPEN`);
  const path: GrievanceStatus[] = [];
  for (let s: GrievanceStatus | null | undefined = status; s && s !== "OPEN"; s = previous.get(s))
    path.unshift(s);
  return path;
}

/** The GrievanceAuditLog action that records a move to `to`. */
export const transitionAction = (to: GrievanceStatus) => (to === "RESOLVED" ? "RESOLVED" : "STATUS_CHANGED");
