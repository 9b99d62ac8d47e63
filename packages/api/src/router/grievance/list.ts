import type { Prisma } from "@edu/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { readableGrievances } from "../../access/scope";
import { authedProcedure } from "../../trpc";
import { assertCursorInList, pageArgs, pageInput, toPage } from "../pagination";
import { grievanceSelect, statusSchema } from "./shared";

export const listInput = z.object({
  scope: z.enum(["mine", "assigned", "all"]),
  status: statusSchema.optional(),
  ...pageInput,
});

/** A student's own grievances, those assigned to the caller, or (admins) all of the institution's. */
export const list = authedProcedure.input(listInput).query(async ({ ctx, input }) => {
  const { actor } = ctx;
  let where: Prisma.GrievanceWhereInput;
  if (input.scope === "all") {
    if (actor.role !== "ADMIN")
      throw new TRPCError({ code: "FORBIDDEN", message: "Only admin accounts may list all grievances" });
    where = readableGrievances(actor);
  } else if (input.scope === "mine") {
    if (!actor.studentId)
      throw new TRPCError({ code: "FORBIDDEN", message: "Only student accounts file grievances" });
    where = { studentId: actor.studentId };
  } else {
    where = { assignedToId: actor.userId };
  }
  const inList = { AND: [where, { status: input.status }] };
  await assertCursorInList(input.cursor, (id) =>
    ctx.deps.db.grievance.count({ where: { AND: [inList, { id }] } }),
  );
  const rows = await ctx.deps.db.grievance.findMany({
    where: inList,
    select: grievanceSelect,
    orderBy: { id: "desc" },
    ...pageArgs(input),
  });
  return toPage(rows, input.limit);
});
