import { z } from "zod";
import { writeAudit } from "../audit/write";
import { adminProcedure, authedProcedure, router } from "../trpc";
import { text } from "../validation/text";

const institutionSelect = { id: true, name: true, domain: true, createdAt: true } as const;

export const institutionRouter = router({
  /** The caller's own institution (cached: every page header asks for it). */
  get: authedProcedure.query(({ ctx }) =>
    ctx.deps.redis.cache.getOrLoad("institution", ctx.actor.institutionId, () =>
      ctx.deps.db.institution.findUniqueOrThrow({
        where: { id: ctx.actor.institutionId },
        select: institutionSelect,
      }),
    ),
  ),

  update: adminProcedure
    .input(z.object({ name: text(200, { trim: true }) }))
    .mutation(async ({ ctx, input }) => {
      const institution = await ctx.deps.db.$transaction(async (tx) => {
        const updated = await tx.institution.update({
          where: { id: ctx.actor.institutionId },
          data: input,
          select: institutionSelect,
        });
        await writeAudit(tx, ctx.actor, {
          action: "institution.update",
          resource: "institution",
          resourceId: updated.id,
          details: input,
        });
        return updated;
      });
      await ctx.deps.redis.cache.invalidate("institution", institution.id);
      return institution;
    }),
});
