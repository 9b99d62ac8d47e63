// Daily streaks over UTC days, with a grace rule: a single missed day does not break the streak (students
// have weekends and sick days); two missed days in a row do, and the streak starts again at 1.

const DAY = 86_400_000;
const utcDay = (d: Date) => Math.floor(d.getTime() / DAY);

export type StreakState = { streak: number; lastActiveOn: Date | null };

export function nextStreak(state: StreakState, activeAt: Date): StreakState {
  const today = new Date(utcDay(activeAt) * DAY);
  if (!state.lastActiveOn) return { streak: 1, lastActiveOn: today };
  const gap = utcDay(activeAt) - utcDay(state.lastActiveOn);
  // Activity dated before the last active day (a late-scored job) changes nothing.
  if (gap <= 0) return { streak: Math.max(1, state.streak), lastActiveOn: state.lastActiveOn };
  if (gap <= 2) return { streak: state.streak + 1, lastActiveOn: today };
  return { streak: 1, lastActiveOn: today };
}
