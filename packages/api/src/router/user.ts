import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { mutateWithAudit } from "../audit/mutate";
import { assertStrongPassword, newPasswordSchema } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import { boardChoiceSelect, publicUserSelect, toSessionProfile } from "../auth/profile";
import { adminProcedure, authedProcedure, router } from "../trpc";
import { text } from "../validation/text";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

/** The user fields any caller may see; never the password hash. */
export { publicUserSelect };

const roleSchema = z.enum(["STUDENT", "TEACHER", "MENTOR", "ADMIN"]);
const nameSchema = text(120, { trim: true });

/** An IANA time zone this runtime knows (e.g. Europe/Berlin). */
const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "an IANA time zone such as Europe/Berlin");

const profileInput = z
  .object({
    name: nameSchema,
    avatarUrl: z
      .url({ protocol: /^https$/ })
      .max(2048)
      .nullable(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as en or pt-BR"),
    theme: z.enum(["light", "dark", "system"]),
    timeZone: timeZoneSchema,
    leaderboardNickname: text(40, { trim: true }).nullable(),
    leaderboardOptOut: z.boolean(),
  })
  .partial();

export const userRouter = router({
  list: adminProcedure
    .input(z.object({ role: roleSchema.optional(), ...pageInput }))
    .query(async ({ ctx, input }) => {
      const where = { institutionId: ctx.actor.institutionId, role: input.role };
      await assertCursorInList(input.cursor, (id) => ctx.deps.db.user.count({ where: { ...where, id } }));
      const rows = await ctx.deps.db.user.findMany({
        where,
        select: publicUserSelect,
        orderBy: { id: "asc" },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),

  create: adminProcedure
    .input(
      z.object({
        email: z
          .email()
          .max(254)
          .transform((e) => e.trim().toLowerCase()),
        name: nameSchema,
        role: roleSchema,
        password: newPasswordSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await assertStrongPassword(input.password, [input.email, input.name], "password");
      const passwordHash = await hashPassword(input.password);
      return mutateWithAudit(ctx.deps, ctx.actor, { action: "user.create", resource: "user" }, async (tx) => {
        if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
          throw new TRPCError({ code: "CONFLICT", message: "A user with this e-mail already exists" });
        }
        const user = await tx.user.create({
          data: {
            email: input.email,
            name: input.name,
            role: input.role,
            passwordHash,
            institutionId: ctx.actor.institutionId,
            ...(input.role === "STUDENT" ? { student: { create: {} } } : {}),
          },
          select: publicUserSelect,
        });
        return { result: user, resourceId: user.id, details: { email: user.email, role: user.role } };
      });
    }),

  /**
   * The caller's own profile: name, avatar, language, theme, time zone (streak days are their calendar days);
   * a student also chooses how they appear on class boards (a nickname, or not at all).
   */
  updateProfile: authedProcedure.input(profileInput).mutation(({ ctx, input }) => {
    const { leaderboardNickname, leaderboardOptOut, ...userFields } = input;
    const boardChoice = leaderboardNickname !== undefined || leaderboardOptOut !== undefined;
    if (boardChoice && !ctx.actor.studentId)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "leaderboard: only students appear on leaderboards",
      });
    return mutateWithAudit(
      ctx.deps,
      ctx.actor,
      { action: "user.updateProfile", resource: "user" },
      async (tx) => {
        const { student, ...user } = await tx.user.update({
          where: { id: ctx.actor.userId },
          data: {
            ...userFields,
            ...(boardChoice ? { student: { update: { leaderboardNickname, leaderboardOptOut } } } : {}),
          },
          select: { ...publicUserSelect, student: { select: boardChoiceSelect } },
        });
        // Name and board choices show on class boards: those boards are rebuilt with them.
        const boards =
          (input.name || boardChoice) && ctx.actor.studentId
            ? await tx.enrollment.findMany({
                where: { studentId: ctx.actor.studentId },
                select: { classId: true },
              })
            : [];
        return {
          result: user,
          resourceId: user.id,
          details: { fields: Object.keys(input) },
          after: [
            // Every session of the user carries what `auth.me` answers: each device sees the change.
            () => ctx.deps.redis.sessions.setProfile(user.id, toSessionProfile(user, student)),
            ...boards.flatMap((b) => [
              () => ctx.deps.redis.leaderboards.invalidate(b.classId),
              () => ctx.deps.redis.cache.invalidate("most-improved", b.classId),
            ]),
          ],
        };
      },
    );
  }),
});
