// A student's profile card: who they are and the classes of theirs the caller may see.
import { z } from "zod";
import { found, readableClasses, readableStudents } from "../access/scope";
import { authedProcedure, router } from "../trpc";

export const studentRouter = router({
  get: authedProcedure.input(z.object({ studentId: z.uuid() })).query(async ({ ctx, input }) => {
    const { user, enrollments, id } = found(
      await ctx.deps.db.student.findFirst({
        where: { AND: [{ id: input.studentId }, readableStudents(ctx.actor)] },
        select: {
          id: true,
          user: { select: { name: true, email: true } },
          // A teacher sees only the classes they teach, a mentor their mentees' classes.
          enrollments: {
            where: { class: readableClasses(ctx.actor) },
            select: { class: { select: { id: true, name: true } } },
            orderBy: [{ class: { name: "asc" } }, { classId: "asc" }],
          },
        },
      }),
      "Student",
    );
    return { id, name: user.name, email: user.email, classes: enrollments.map((e) => e.class) };
  }),
});
