import { z } from "zod";
import { adminProcedure, router } from "../trpc";
import { text } from "../validation/text";

export const auditRouter = router({
  /** The institution's audit trail, newest first; the cursor is the last row's id. */
  list: adminProcedure
    .input(
      z.object({
        cursor: z
          .string()
          .regex(/^\d{1,19}$/, "a row id")
          .optional(),
        limit: z.number().int().min(1).max(100).default(50),
        userId: z.uuid().optional(),
        resource: text(64, { trim: true }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.deps.db.auditLog.findMany({
        where: {
          institutionId: ctx.actor.institutionId,
          userId: input.userId,
          resource: input.resource,
          ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
        },
        orderBy: { id: "desc" },
        take: input.limit + 1,
        select: {
          id: true,
          userId: true,
          action: true,
          resource: true,
          resourceId: true,
          details: true,
          createdAt: true,
        },
      });
      const items = rows.slice(0, input.limit).map((r) => ({ ...r, id: r.id.toString() }));
      return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
    }),
});
