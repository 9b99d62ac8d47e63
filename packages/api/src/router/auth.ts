import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { writeAudit } from "../audit/write";
import { verifyPassword } from "../auth/passwords";
import { SESSION_COOKIE } from "../context";
import { authedProcedure, publicProcedure, router } from "../trpc";
import { publicUserSelect } from "./user";

export const loginInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1).max(1024),
});

export const authRouter = router({
  /** Verifies the password, opens a session (several per user: one per device) and sets the httpOnly cookie. */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { db, redis, config } = ctx.deps;
    await ctx.deps.consumeLoginAttempt(input.email, ctx.ip);
    const account = await db.user.findUnique({
      where: { email: input.email },
      select: { ...publicUserSelect, passwordHash: true },
    });
    if (!(await verifyPassword(account?.passwordHash, input.password)) || !account) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "E-mail or password is wrong" });
    }
    const { passwordHash: _, ...user } = account;
    let token: string;
    try {
      token = await redis.sessions.create(user.id, {
        userAgent: ctx.req.headers["user-agent"]?.slice(0, 200),
        ip: ctx.ip,
      });
    } catch {
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "Sign-in is unavailable right now; try again shortly",
      });
    }
    await writeAudit(
      db,
      { userId: user.id, institutionId: user.institutionId },
      { action: "auth.login", resource: "session", resourceId: user.id, details: { ip: ctx.ip } },
    );
    ctx.res.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: config.NODE_ENV === "production",
      path: "/",
      maxAge: 3600 * 24 * 30,
    });
    return { token, user };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.deps.redis.sessions.revoke(ctx.token);
    await writeAudit(ctx.deps.db, ctx.actor, {
      action: "auth.logout",
      resource: "session",
      resourceId: ctx.actor.userId,
    });
    ctx.res.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true as const };
  }),

  me: authedProcedure.query(async ({ ctx }) => {
    const user = await ctx.deps.db.user.findUniqueOrThrow({
      where: { id: ctx.actor.userId },
      select: publicUserSelect,
    });
    return { ...user, studentId: ctx.actor.studentId };
  }),
});
