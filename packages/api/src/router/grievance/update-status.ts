import { z } from "zod";
import { authedProcedure } from "../../trpc";
import { text } from "../../validation/text";
import { statusSchema } from "./shared";
import { transition } from "./transition";

export const updateStatusInput = z.object({
  grievanceId: z.uuid(),
  status: statusSchema,
  note: text(2_000, { trim: true }).optional(),
});

/** Its assignee (or an admin) moves a grievance along its life cycle. */
export const updateStatus = authedProcedure
  .input(updateStatusInput)
  .mutation(({ ctx, input }) => transition(ctx, input.grievanceId, input.status, { note: input.note }));
