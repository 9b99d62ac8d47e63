// Grievance routing (seed property 7) as a pure function over candidates loaded beforehand.
//
// | rule                 | when                                              | assigned to                                  |
// |----------------------|---------------------------------------------------|----------------------------------------------|
// | critical-severity    | severity CRITICAL, any category                   | an admin (for FAIRNESS, not one concerned)   |
// | grade-class-teacher  | GRADE with a class (direct, or via submission/feedback) | a teacher of that class                |
// | feedback-author      | FEEDBACK with a referenced feedback               | the teacher who wrote it                     |
// | fairness-admin       | FAIRNESS                                          | an admin, never the teacher concerned        |
// | other-mentor         | OTHER and the student has a mentor                | the mentor                                   |
// | fallback-admin       | anything else (no usable reference, no mentor)    | an admin                                     |
//
// Among several candidates: the fewest open (OPEN or IN_PROGRESS) grievances, ties broken by the lower id.
import type { GrievanceCategory, Severity } from "../enums";

export type Candidate = { id: string; openGrievances: number };

export type RoutingInput = {
  category: GrievanceCategory;
  severity: Severity;
  /** Teachers of the class the grievance concerns, when one could be found through its references. */
  classTeachers: Candidate[];
  /** The author of the referenced feedback, when there is one. */
  feedbackAuthor: Candidate | null;
  mentor: Candidate | null;
  admins: Candidate[];
  /** Teachers concerned by the grievance (class teachers, feedback author): never the FAIRNESS assignee. */
  concernedTeacherIds: string[];
};

export type RoutingRule =
  | "critical-severity"
  | "grade-class-teacher"
  | "feedback-author"
  | "fairness-admin"
  | "other-mentor"
  | "fallback-admin";

export type RoutingDecision =
  | { assignedToId: string; rule: RoutingRule }
  | { assignedToId: null; rule: "no-admin" };

export function leastLoaded(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (
      !best ||
      c.openGrievances < best.openGrievances ||
      (c.openGrievances === best.openGrievances && c.id < best.id)
    )
      best = c;
  }
  return best;
}

export function routeGrievance(input: RoutingInput): RoutingDecision {
  const admin = (rule: RoutingRule, exclude: string[] = []): RoutingDecision => {
    const chosen = leastLoaded(input.admins.filter((a) => !exclude.includes(a.id)));
    return chosen ? { assignedToId: chosen.id, rule } : { assignedToId: null, rule: "no-admin" };
  };
  // FAIRNESS never goes to a teacher it concerns, whatever the severity.
  const notConcerned = input.category === "FAIRNESS" ? input.concernedTeacherIds : [];
  if (input.severity === "CRITICAL") return admin("critical-severity", notConcerned);
  switch (input.category) {
    case "GRADE": {
      const teacher = leastLoaded(input.classTeachers);
      return teacher ? { assignedToId: teacher.id, rule: "grade-class-teacher" } : admin("fallback-admin");
    }
    case "FEEDBACK":
      return input.feedbackAuthor
        ? { assignedToId: input.feedbackAuthor.id, rule: "feedback-author" }
        : admin("fallback-admin");
    case "FAIRNESS":
      return admin("fairness-admin", notConcerned);
    case "OTHER":
      return input.mentor ? { assignedToId: input.mentor.id, rule: "other-mentor" } : admin("fallback-admin");
  }
}

/** Who could take a grievance, by id, before their workloads are known. */
export type RoutingPeople = {
  classTeacherIds: string[];
  feedbackAuthorId: string | null;
  mentorId: string | null;
  adminIds: string[];
};

/** The routing input from the people concerned and each one's count of open grievances. */
export function routingInputFor(
  grievance: Pick<RoutingInput, "category" | "severity">,
  people: RoutingPeople,
  openGrievances: (userId: string) => number,
): RoutingInput {
  const candidate = (id: string): Candidate => ({ id, openGrievances: openGrievances(id) });
  return {
    ...grievance,
    classTeachers: [...new Set(people.classTeacherIds)].map(candidate),
    feedbackAuthor: people.feedbackAuthorId ? candidate(people.feedbackAuthorId) : null,
    mentor: people.mentorId ? candidate(people.mentorId) : null,
    admins: [...new Set(people.adminIds)].map(candidate),
    concernedTeacherIds: [
      ...people.classTeacherIds,
      ...(people.feedbackAuthorId ? [people.feedbackAuthorId] : []),
    ],
  };
}
