import { found, readableGrievances } from "../../access/scope";
import { authedProcedure } from "../../trpc";
import { grievanceIdInput, grievanceSelect } from "./shared";

export const get = authedProcedure.input(grievanceIdInput).query(async ({ ctx, input }) =>
  found(
    await ctx.deps.db.grievance.findFirst({
      where: { AND: [{ id: input.grievanceId }, readableGrievances(ctx.actor)] },
      select: grievanceSelect,
    }),
    "Grievance",
  ),
);
