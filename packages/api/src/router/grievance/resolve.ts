import { z } from "zod";
import { authedProcedure } from "../../trpc";
import { text } from "../../validation/text";
import { transition } from "./transition";

export const resolveInput = z.object({ grievanceId: z.uuid(), resolution: text(5_000, { trim: true }) });

export const resolve = authedProcedure
  .input(resolveInput)
  .mutation(({ ctx, input }) =>
    transition(ctx, input.grievanceId, "RESOLVED", { resolution: input.resolution }),
  );
