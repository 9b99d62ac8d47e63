// Levels from point thresholds, shared by the seed, the worker's gamification rules and the api's progress view.
// Level n starts at 50·n·(n−1) points: 0, 100, 300, 600, 1000, ... — each level asks 100 points more than the last.

export const MAX_LEVEL = 100;

export function pointsForLevel(level: number): number {
  return 50 * level * (level - 1);
}

export function levelForPoints(points: number): number {
  let level = 1;
  while (level < MAX_LEVEL && pointsForLevel(level + 1) <= points) level++;
  return level;
}

export function progressForPoints(points: number) {
  const level = levelForPoints(points);
  const nextLevelAt = level < MAX_LEVEL ? pointsForLevel(level + 1) : null;
  return {
    points,
    level,
    levelStartsAt: pointsForLevel(level),
    nextLevelAt,
    pointsToNextLevel: nextLevelAt === null ? 0 : nextLevelAt - points,
  };
}
