import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRIEVANCE_STATUSES, type GrievanceStatus } from "../src/enums";
import { canTransition, isLegalPath, shortestPathTo, transitionAction } from "../src/grievance/lifecycle";

describe("grievance life cycle (seed property 8)", () => {
  it("reaches each status by its shortest legal path", () => {
    expect(shortestPathTo("OPEN")).toEqual([]);
    expect(shortestPathTo("IN_PROGRESS")).toEqual(["IN_PROGRESS"]);
    expect(shortestPathTo("RESOLVED")).toEqual(["IN_PROGRESS", "RESOLVED"]);
    expect(shortestPathTo("CLOSED")).toEqual(["IN_PROGRESS", "RESOLVED", "CLOSED"]);
  });

  it("accepts exactly the histories that move along legal transitions from OPEN (property)", () => {
    const status = fc.constantFrom(...GRIEVANCE_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (rest) => {
        const path: GrievanceStatus[] = ["OPEN", ...rest];
        const legal = path.every((to, i) => i === 0 || canTransition(path[i - 1] as GrievanceStatus, to));
        expect(isLegalPath(path)).toBe(legal);
      }),
    );
    expect(isLegalPath(["IN_PROGRESS"])).toBe(false);
    expect(isLegalPath(["OPEN", "IN_PROGRESS", "RESOLVED", "OPEN", "IN_PROGRESS"])).toBe(true);
    expect(isLegalPath(["OPEN", "RESOLVED"])).toBe(false);
  });

  it("records a resolution as RESOLVED and every other move as a status change", () => {
    expect(transitionAction("RESOLVED")).toBe("RESOLVED");
    expect(transitionAction("CLOSED")).toBe("STATUS_CHANGED");
  });
});
