import { z } from "zod";
import { mutateWithAudit } from "../audit/mutate";
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

  update: adminProcedure.input(z.object({ name: text(200, { trim: true }) })).mutation(({ ctx, input }) =>
    mutateWithAudit(
      ctx.deps,
      ctx.actor,
      { action: "institution.update", resource: "institution" },
      async (tx) => {
        const updated = await tx.institution.update({
          where: { id: ctx.actor.institutionId },
          data: input,
          select: institutionSelect,
        });
        return {
          result: updated,
          resourceId: updated.id,
          details: input,
          after: [() => ctx.deps.redis.cache.invalidate("institution", updated.id)],
        };
      },
    ),
  ),
});
