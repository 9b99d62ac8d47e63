import { z } from "zod";
import { assertManageableClass, found, manageableClasses, readableClasses } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { text } from "../validation/text";
import { mine, reviewQueue } from "./assignment-progress";

const fields = {
  title: text(200, { trim: true }),
  description: text(10_000, { trim: true }).optional(),
  dueDate: z.date(),
  /** Files or folders the assignment hands out (starter code): analysed submissions leave them out of the score. */
  starterPaths: z
    .array(
      text(300, { trim: true }).refine(
        (path) => !path.split("/").includes(".."),
        "must stay inside the repository",
      ),
    )
    .max(50)
    .optional(),
};

const assignmentSelect = {
  id: true,
  classId: true,
  title: true,
  description: true,
  dueDate: true,
  starterPaths: true,
  createdAt: true,
} as const;

export const assignmentRouter = router({
  mine,
  reviewQueue,

  list: authedProcedure.input(z.object({ classId: z.uuid() })).query(async ({ ctx, input }) => {
    found(
      await ctx.deps.db.class.findFirst({
        where: { AND: [{ id: input.classId }, readableClasses(ctx.actor)] },
      }),
      "Class",
    );
    return ctx.deps.db.assignment.findMany({
      where: { classId: input.classId },
      select: assignmentSelect,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
  }),

  get: authedProcedure.input(z.object({ assignmentId: z.uuid() })).query(async ({ ctx, input }) =>
    found(
      await ctx.deps.db.assignment.findFirst({
        where: { id: input.assignmentId, class: readableClasses(ctx.actor) },
        select: assignmentSelect,
      }),
      "Assignment",
    ),
  ),

  create: roleProcedure("TEACHER", "ADMIN")
    .input(z.object({ classId: z.uuid(), ...fields }))
    .mutation(({ ctx, input }) =>
      mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "assignment.create", resource: "assignment" },
        async (tx) => {
          await assertManageableClass(tx, ctx.actor, input.classId);
          const created = await tx.assignment.create({ data: input, select: assignmentSelect });
          return {
            result: created,
            resourceId: created.id,
            details: { classId: input.classId, title: input.title, dueDate: input.dueDate.toISOString() },
          };
        },
      ),
    ),

  update: roleProcedure("TEACHER", "ADMIN")
    .input(z.object({ assignmentId: z.uuid(), ...z.object(fields).partial().shape }))
    .mutation(({ ctx, input }) =>
      mutateWithAudit(
        ctx.deps,
        ctx.actor,
        { action: "assignment.update", resource: "assignment" },
        async (tx) => {
          const { assignmentId, ...changes } = input;
          found(
            await tx.assignment.findFirst({
              where: { id: assignmentId, class: manageableClasses(ctx.actor) },
            }),
            "Assignment",
          );
          const updated = await tx.assignment.update({
            where: { id: assignmentId },
            data: changes,
            select: assignmentSelect,
          });
          return { result: updated, resourceId: assignmentId, details: { fields: Object.keys(changes) } };
        },
      ),
    ),
});
