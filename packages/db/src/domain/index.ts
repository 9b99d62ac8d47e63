export { type BadgeCriteria, badgeCriteriaSchema } from "./badge-criteria";
export { levelForPoints, MAX_LEVEL, pointsForLevel, progressForPoints } from "./levels";
