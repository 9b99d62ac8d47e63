import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { dropClassAccess } from "../access/class-access";
import { assertManageableClass, found, readableClasses } from "../access/scope";
import { mutateWithAudit } from "../audit/mutate";
import { adminProcedure, authedProcedure, roleProcedure, router } from "../trpc";
import { text } from "../validation/text";
import { enrollable, roster } from "./class-roster";
import { classFields, withCount, withCounts } from "./class-summary";

export const classRouter = router({
  list: authedProcedure.query(async ({ ctx }) =>
    withCounts(
      ctx.deps.db,
      await ctx.deps.db.class.findMany({
        where: readableClasses(ctx.actor),
        select: classFields,
        orderBy: { name: "asc" },
      }),
    ),
  ),

  get: authedProcedure.input(z.object({ classId: z.uuid() })).query(async ({ ctx, input }) => {
    const klass = found(
      await ctx.deps.db.class.findFirst({
        where: { AND: [{ id: input.classId }, readableClasses(ctx.actor)] },
        select: {
          ...classFields,
          teachers: { select: { user: { select: { id: true, name: true, email: true } } } },
        },
      }),
      "Class",
    );
    return withCount(ctx.deps.db, klass);
  }),

  roster,
  enrollable,

  create: roleProcedure("TEACHER", "ADMIN")
    .input(
      z.object({
        name: text(200, { trim: true }),
        description: text(5000, { trim: true }).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      mutateWithAudit(ctx.deps, ctx.actor, { action: "class.create", resource: "class" }, async (tx) => {
        const created = await tx.class.create({
          data: {
            ...input,
            institutionId: ctx.actor.institutionId,
            // A teacher who creates a class teaches it.
            ...(ctx.actor.role === "TEACHER" ? { teachers: { create: { userId: ctx.actor.userId } } } : {}),
          },
          select: classFields,
        });
        return {
          result: await withCount(tx, created),
          resourceId: created.id,
          details: input,
          after: dropClassAccess(ctx.deps.redis, [ctx.actor.userId]),
        };
      }),
    ),

  /** Its teachers rename a class, describe it, or turn its leaderboards off and on (competition). */
  update: roleProcedure("TEACHER", "ADMIN")
    .input(
      z.object({
        classId: z.uuid(),
        name: text(200, { trim: true }).optional(),
        description: text(5000, { trim: true }).optional(),
        competitionEnabled: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      mutateWithAudit(ctx.deps, ctx.actor, { action: "class.update", resource: "class" }, async (tx) => {
        const { classId, ...changes } = input;
        await assertManageableClass(tx, ctx.actor, classId);
        const updated = await tx.class.update({
          where: { id: classId },
          data: changes,
          select: classFields,
        });
        return {
          result: await withCount(tx, updated),
          resourceId: classId,
          details: changes,
          after: [
            () => ctx.deps.redis.cache.invalidate("class-competition", classId),
            // Open boards hear it and show the class's new setting.
            () => ctx.deps.redis.updates.publish("leaderboard", classId, { type: "leaderboard.settings" }),
          ],
        };
      }),
    ),

  addTeacher: adminProcedure
    .input(z.object({ classId: z.uuid(), userId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      mutateWithAudit(ctx.deps, ctx.actor, { action: "class.addTeacher", resource: "class" }, async (tx) => {
        found(
          await tx.class.findFirst({ where: { id: input.classId, institutionId: ctx.actor.institutionId } }),
          "Class",
        );
        const teacher = found(
          await tx.user.findFirst({ where: { id: input.userId, institutionId: ctx.actor.institutionId } }),
          "User",
        );
        if (teacher.role !== "TEACHER")
          throw new TRPCError({ code: "BAD_REQUEST", message: "userId: that user is not a teacher" });
        await tx.teacherClass.createMany({
          data: [{ userId: teacher.id, classId: input.classId }],
          skipDuplicates: true,
        });
        return {
          result: { classId: input.classId, userId: teacher.id },
          resourceId: input.classId,
          details: input,
          after: dropClassAccess(ctx.deps.redis, [teacher.id]),
        };
      }),
    ),

  /** Enrolls students (idempotent: already enrolled ones are left as they are). */
  enroll: roleProcedure("TEACHER", "ADMIN")
    .input(z.object({ classId: z.uuid(), studentIds: z.array(z.uuid()).min(1).max(500) }))
    .mutation(({ ctx, input }) =>
      mutateWithAudit(ctx.deps, ctx.actor, { action: "class.enroll", resource: "class" }, async (tx) => {
        await assertManageableClass(tx, ctx.actor, input.classId);
        const studentIds = [...new Set(input.studentIds)];
        const students = await tx.student.findMany({
          where: { id: { in: studentIds }, user: { institutionId: ctx.actor.institutionId } },
          select: { id: true, userId: true, mentorId: true },
        });
        if (students.length !== studentIds.length) {
          throw new TRPCError({ code: "NOT_FOUND", message: "studentIds: some students were not found" });
        }
        const { count } = await tx.enrollment.createMany({
          data: studentIds.map((studentId) => ({ studentId, classId: input.classId })),
          skipDuplicates: true,
        });
        return {
          result: { enrolled: studentIds.length, added: count },
          resourceId: input.classId,
          details: { studentIds, added: count },
          // Enrollment widens what the students and their mentors may read.
          after: [
            () => ctx.deps.redis.leaderboards.invalidate(input.classId),
            ...dropClassAccess(ctx.deps.redis, [
              ...students.map((s) => s.userId),
              ...students.flatMap((s) => (s.mentorId ? [s.mentorId] : [])),
            ]),
          ],
        };
      }),
    ),
});
