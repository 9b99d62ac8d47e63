import { found, readableGrievances } from "../../access/scope";
import { authedProcedure } from "../../trpc";
import { grievanceIdInput } from "./shared";

/** The grievance's audit trail, oldest first. */
export const history = authedProcedure.input(grievanceIdInput).query(async ({ ctx, input }) => {
  found(
    await ctx.deps.db.grievance.findFirst({
      where: { AND: [{ id: input.grievanceId }, readableGrievances(ctx.actor)] },
      select: { id: true },
    }),
    "Grievance",
  );
  const rows = await ctx.deps.db.grievanceAuditLog.findMany({
    where: { grievanceId: input.grievanceId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      action: true,
      details: true,
      createdAt: true,
      actor: { select: { id: true, name: true, role: true } },
    },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
});
