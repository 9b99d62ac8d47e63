import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { mutateWithAudit } from "../audit/mutate";
import { assertStrongPassword, newPasswordSchema } from "../auth/password-policy";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { boardChoiceSelect, meFromSessionProfile, publicUserSelect, toSessionProfile } from "../auth/profile";
import { clearSessionCookie, setSessionCookie } from "../context";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const loginInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1).max(1024),
  /**
   * How the session travels: "token" (scripts; the token is in the answer, no cookie) or "cookie" (the web app;
   * an httpOnly cookie, and no token a page script could read).
   */
  session: z.enum(["token", "cookie"]).default("token"),
});

export const authRouter = router({
  /** Verifies the password and opens a session (several per user: one per device). */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { db, redis } = ctx.deps;
    // The per-IP limit was counted before the body was parsed (http/request-limits.ts).
    await ctx.deps.consumeLoginAttempt(input.email);
    const account = await db.user.findUnique({
      where: { email: input.email },
      select: {
        ...publicUserSelect,
        passwordHash: true,
        student: { select: { id: true, ...boardChoiceSelect } },
      },
    });
    if (!(await verifyPassword(account?.passwordHash, input.password)) || !account) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "E-mail or password is wrong" });
    }
    const { passwordHash: _, student, ...user } = account;
    let token: string;
    try {
      token = await redis.sessions.create(
        user.id,
        {
          role: user.role,
          institutionId: user.institutionId,
          studentId: student?.id ?? null,
          profile: toSessionProfile(
            user,
            student
              ? {
                  leaderboardNickname: student.leaderboardNickname,
                  leaderboardOptOut: student.leaderboardOptOut,
                }
              : null,
          ),
        },
        { userAgent: ctx.req.headers["user-agent"]?.slice(0, 200), ip: ctx.ip },
      );
    } catch {
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "Sign-in is unavailable right now; try again shortly",
      });
    }
    const actor = { userId: user.id, institutionId: user.institutionId };
    await mutateWithAudit(ctx.deps, actor, { action: "auth.login", resource: "session" }, async () => ({
      result: null,
      resourceId: user.id,
      details: { ip: ctx.ip, session: input.session },
    }));
    if (input.session === "cookie") {
      setSessionCookie(ctx, token);
      return { token: null, user };
    }
    return { token, user };
  }),

  /** Ends this device's session. */
  logout: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.deps.redis.sessions.revoke(ctx.token);
    await mutateWithAudit(ctx.deps, ctx.actor, { action: "auth.logout", resource: "session" }, async () => ({
      result: null,
      resourceId: ctx.actor.userId,
    }));
    clearSessionCookie(ctx);
    return { ok: true as const };
  }),

  /** Ends every session of the caller, on every device, this one included. */
  logoutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const ended = await ctx.deps.redis.sessions.revokeAll(ctx.actor.userId);
    await mutateWithAudit(
      ctx.deps,
      ctx.actor,
      { action: "auth.logoutEverywhere", resource: "session" },
      async () => ({ result: null, resourceId: ctx.actor.userId, details: { ended } }),
    );
    clearSessionCookie(ctx);
    return { ended };
  }),

  /** Changes the caller's password after checking the current one; every other session ends. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      const account = await ctx.deps.db.user.findUniqueOrThrow({
        where: { id: ctx.actor.userId },
        select: { email: true, name: true, passwordHash: true },
      });
      if (!(await verifyPassword(account.passwordHash, input.currentPassword)))
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "currentPassword: the current password is wrong",
        });
      await assertStrongPassword(input.newPassword, [account.email, account.name], "newPassword");
      const passwordHash = await hashPassword(input.newPassword);
      await mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "auth.changePassword", resource: "user" },
        async (tx) => {
          await tx.user.update({ where: { id: ctx.actor.userId }, data: { passwordHash } });
          return {
            result: null,
            resourceId: ctx.actor.userId,
            after: [() => ctx.deps.redis.sessions.revokeAll(ctx.actor.userId, ctx.token)],
          };
        },
      );
      return { ok: true as const };
    }),

  me: authedProcedure.query(async ({ ctx }) => {
    // The session carries the profile (kept current by user.updateProfile); older sessions read it once more.
    const me = meFromSessionProfile(ctx.sessionProfile, ctx.actor.studentId);
    if (me) return me;
    const { student, ...user } = await ctx.deps.db.user.findUniqueOrThrow({
      where: { id: ctx.actor.userId },
      select: {
        ...publicUserSelect,
        student: { select: { leaderboardNickname: true, leaderboardOptOut: true } },
      },
    });
    // A student's board choices, null for other roles.
    return { ...user, studentId: ctx.actor.studentId, leaderboard: student };
  }),
});
