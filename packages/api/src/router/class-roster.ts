// Who is in a class and who could join it: for its teachers and the institution's admins (manageableClasses).
import { z } from "zod";
import { assertManageableClass, found, manageableClasses } from "../access/scope";
import { roleProcedure } from "../trpc";
import { searchText } from "../validation/text";

/** Matches the enroll picker shows at most: enough to choose from, few enough to read. */
const ENROLLABLE_LIMIT = 20;

const classIdInput = z.object({ classId: z.uuid() });

/** The enrolled students, by name. */
export const roster = roleProcedure("TEACHER", "ADMIN")
  .input(classIdInput)
  .query(async ({ ctx, input }) => {
    const { enrollments } = found(
      await ctx.deps.db.class.findFirst({
        where: { AND: [{ id: input.classId }, manageableClasses(ctx.actor)] },
        select: {
          enrollments: {
            select: {
              createdAt: true,
              student: { select: { id: true, user: { select: { name: true, email: true } } } },
            },
            orderBy: [{ student: { user: { name: "asc" } } }, { studentId: "asc" }],
          },
        },
      }),
      "Class",
    );
    return enrollments.map(({ student, createdAt }) => ({
      studentId: student.id,
      name: student.user.name,
      email: student.user.email,
      enrolledAt: createdAt,
    }));
  });

/** Students of the institution not in the class whose name or e-mail contains `query`: the enroll picker. */
export const enrollable = roleProcedure("TEACHER", "ADMIN")
  .input(classIdInput.extend({ query: searchText(100) }))
  .query(async ({ ctx, input }) => {
    await assertManageableClass(ctx.deps.db, ctx.actor, input.classId);
    // Prisma passes `contains` to ILIKE as is: its wildcards are escaped so a typed % or _ is just a character.
    const contains = { contains: input.query.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
    const students = await ctx.deps.db.student.findMany({
      where: {
        user: {
          institutionId: ctx.actor.institutionId,
          // An empty query lists everyone not yet enrolled.
          ...(input.query ? { OR: [{ name: contains }, { email: contains }] } : {}),
        },
        enrollments: { none: { classId: input.classId } },
      },
      select: { id: true, user: { select: { name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      take: ENROLLABLE_LIMIT,
    });
    return students.map(({ id, user }) => ({ studentId: id, name: user.name, email: user.email }));
  });
