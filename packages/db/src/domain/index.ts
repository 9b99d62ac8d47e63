export { type BadgeCriteria, badgeCriteriaSchema } from "./badge-criteria";
export { type GithubRepoRef, parseGithubUrl } from "./github-url";
export { levelForPoints, MAX_LEVEL, pointsForLevel, progressForPoints } from "./levels";
export { riskLevelFor } from "./risk-levels";
