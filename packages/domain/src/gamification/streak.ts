// Daily streaks over the student's own calendar days (User.timeZone, an IANA zone), with freezes.
//
// - A day counts when the student had learning activity on it (a scored, distinct attempt; acting on feedback
//   happens with one).
// - Activity on the day after the last active day extends the streak by one.
// - Each missed day uses up one freeze, automatically; a day missed with no freeze left ends the streak (the next
//   activity starts again at 1, and no freeze is left).
// - A freeze is earned each time the streak reaches a multiple of FREEZE_EVERY_DAYS days; at most MAX_FREEZES
//   are held.
// - The stored streak is as of the last active day; streakAsOf reads it as of now, so a student who stopped has
//   streak 0 once a day passed with neither activity nor freeze.

const DAY = 86_400_000;
export const FREEZE_EVERY_DAYS = 7;
export const MAX_FREEZES = 2;

/** `lastActiveOn` is a calendar day (midnight UTC of that date, as a @db.Date column reads back). */
export type StreakState = { streak: number; lastActiveOn: Date | null; freezes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      // An unknown zone name counts days in UTC rather than failing the award.
      f = formatterFor("UTC");
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day `at` falls on in `timeZone`, as midnight UTC of that date. */
export function calendarDay(at: Date, timeZone = "UTC"): Date {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day")));
}

const dayNumber = (day: Date) => Math.round(day.getTime() / DAY);

export const NO_STREAK: StreakState = { streak: 0, lastActiveOn: null, freezes: 0 };

/** The streak after learning activity at `activeAt`. Activity dated on or before the last active day changes nothing. */
export function nextStreak(state: StreakState, activeAt: Date, timeZone = "UTC"): StreakState {
  const today = calendarDay(activeAt, timeZone);
  if (!state.lastActiveOn) return { streak: 1, lastActiveOn: today, freezes: state.freezes };
  const gap = dayNumber(today) - dayNumber(state.lastActiveOn);
  if (gap <= 0) return { ...state, streak: Math.max(1, state.streak) };
  if (state.streak <= 0) return { streak: 1, lastActiveOn: today, freezes: state.freezes };
  const missed = gap - 1;
  if (missed > state.freezes) return { streak: 1, lastActiveOn: today, freezes: 0 };
  const streak = state.streak + 1;
  const earned = streak % FREEZE_EVERY_DAYS === 0 ? 1 : 0;
  return { streak, lastActiveOn: today, freezes: Math.min(MAX_FREEZES, state.freezes - missed + earned) };
}

/** The streak and freezes as they stand at `now`: missed days since the last active one use freezes, or end it. */
export function streakAsOf(
  state: StreakState,
  now: Date,
  timeZone = "UTC",
): { streak: number; freezes: number } {
  if (!state.lastActiveOn || state.streak <= 0) return { streak: 0, freezes: state.freezes };
  // Today is not missed yet: the student may still be active before it ends.
  const missed = Math.max(0, dayNumber(calendarDay(now, timeZone)) - dayNumber(state.lastActiveOn) - 1);
  if (missed > state.freezes) return { streak: 0, freezes: 0 };
  return { streak: state.streak, freezes: state.freezes - missed };
}
