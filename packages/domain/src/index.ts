// @edu/domain: the platform's rules as pure functions and tables. No I/O, and no import of another @edu package.
export * from "./analysis/score";
export { compareFindings } from "./analysis/severity";
export type { Finding, FunctionMetrics, RepositoryMetrics } from "./analysis/types";
export { groupBy } from "./collections";
export * from "./enums";
export { BADGE_CATALOG, type BadgeDefinition } from "./gamification/badge-catalog";
export * from "./gamification/badges";
export { badgeEventKey, submissionEventKey } from "./gamification/dedupe-keys";
export { levelForPoints, MAX_LEVEL, pointsForLevel, progressForPoints } from "./gamification/levels";
export * from "./gamification/points";
export * from "./gamification/rarity";
export * from "./gamification/streak";
export { type GithubRepoRef, parseGithubUrl } from "./github-url";
export * from "./grievance/lifecycle";
export * from "./grievance/routing";
export * from "./risk/features";
export { levelsAtOrAbove, riskLevelFor } from "./risk/levels";
export * from "./risk/model";
