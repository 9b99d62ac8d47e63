import { TRANSITIONS } from "@edu/domain";
import { found, readableGrievances } from "../../access/scope";
import { authedProcedure } from "../../trpc";
import { grievanceIdInput, grievanceSelect } from "./shared";

/** A grievance, with the statuses the caller may move it to (its assignee or an admin; none for others). */
export const get = authedProcedure.input(grievanceIdInput).query(async ({ ctx, input }) => {
  const grievance = found(
    await ctx.deps.db.grievance.findFirst({
      where: { AND: [{ id: input.grievanceId }, readableGrievances(ctx.actor)] },
      select: grievanceSelect,
    }),
    "Grievance",
  );
  // The same rule as manageableGrievances, on a row already known to be in the caller's institution.
  const manages = ctx.actor.role === "ADMIN" || grievance.assignedToId === ctx.actor.userId;
  return { ...grievance, nextStatuses: manages ? TRANSITIONS[grievance.status] : [] };
});
