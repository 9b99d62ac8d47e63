// What `auth.me` answers, carried in the session so `me` costs no database read; kept current by
// `user.updateProfile`, which rewrites it in every session of the user.
import type { Prisma } from "@edu/db";

/** The user fields `me` (and sign-in, and a profile update) answer. */
export const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  institutionId: true,
  avatarUrl: true,
  language: true,
  theme: true,
  timeZone: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

/** A student's board choices; null for other roles. */
export const boardChoiceSelect = { leaderboardNickname: true, leaderboardOptOut: true } as const;

export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUserSelect }>;
export type BoardChoices = { leaderboardNickname: string | null; leaderboardOptOut: boolean } | null;
export type Me = PublicUser & { studentId: string | null; leaderboard: BoardChoices };

/** The profile as stored in a session: plain JSON, times in epoch ms. */
export function toSessionProfile(user: PublicUser, leaderboard: BoardChoices): Record<string, unknown> {
  return { ...user, createdAt: user.createdAt.getTime(), leaderboard };
}

/** `me` from a session's profile, in the shape (and key order) the database read gives; undefined if absent. */
export function meFromSessionProfile(profile: unknown, studentId: string | null): Me | undefined {
  if (!profile || typeof profile !== "object") return undefined;
  const p = profile as Record<string, unknown> & { createdAt: number; leaderboard: BoardChoices };
  if (typeof p.createdAt !== "number" || typeof p.id !== "string") return undefined;
  const board = p.leaderboard;
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    role: p.role,
    institutionId: p.institutionId,
    avatarUrl: p.avatarUrl,
    language: p.language,
    theme: p.theme,
    timeZone: p.timeZone,
    createdAt: new Date(p.createdAt),
    studentId,
    leaderboard: board
      ? { leaderboardNickname: board.leaderboardNickname, leaderboardOptOut: board.leaderboardOptOut }
      : null,
  } as Me;
}
