// The enum values the rules speak in. Prisma's schema defines the same enums for storage; a type-level test in
// @edu/seed (test/enums.test.ts) fails when the two drift apart, so neither can change alone.

export const ROLES = ["STUDENT", "TEACHER", "ADMIN", "MENTOR"] as const;
export type Role = (typeof ROLES)[number];

export const GRIEVANCE_CATEGORIES = ["GRADE", "FEEDBACK", "FAIRNESS", "OTHER"] as const;
export type GrievanceCategory = (typeof GRIEVANCE_CATEGORIES)[number];

/** A grievance's severity, lowest first. */
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const GRIEVANCE_STATUSES = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];

export const BADGE_RARITIES = ["COMMON", "RARE", "EPIC", "LEGENDARY"] as const;
export type BadgeRarity = (typeof BADGE_RARITIES)[number];

/** Risk levels, lowest first: the order "at or above a level" reads. */
export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** An analysis finding's severity, worst first: the order findings are shown in. */
export const FINDING_SEVERITIES = ["CRITICAL", "MAJOR", "MINOR", "INFO"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** The maintainability rating of a submission, best first (SonarQube's A–E). */
export const RATINGS = ["A", "B", "C", "D", "E"] as const;
export type Rating = (typeof RATINGS)[number];
