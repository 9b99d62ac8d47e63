import type { GrievanceStatus, Prisma } from "@edu/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { found, manageableGrievances, readableGrievances } from "../access/scope";
import { writeAudit } from "../audit/write";
import type { Actor } from "../context";
import type { ApiDeps } from "../deps";
import { loadRoutingCandidates } from "../grievance/candidates";
import { routeGrievance } from "../grievance/routing";
import { canTransition } from "../grievance/status";
import { afterCommit } from "../http/after-commit";
import { adminProcedure, authedProcedure, router, studentProcedure } from "../trpc";
import { text } from "../validation/text";
import { pageArgs, pageInput, toPage } from "./pagination";

const statusSchema = z.enum(["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"]);
const grievanceId = z.object({ grievanceId: z.uuid() });

const grievanceSelect = {
  id: true,
  studentId: true,
  category: true,
  severity: true,
  description: true,
  status: true,
  assignedToId: true,
  resolution: true,
  classId: true,
  submissionId: true,
  feedbackId: true,
  createdAt: true,
  resolvedAt: true,
  updatedAt: true,
  assignedTo: { select: { name: true, role: true } },
} as const;

const publishChange = (deps: ApiDeps, id: string, status: GrievanceStatus, what: string) =>
  afterCommit(deps, what, [
    () => deps.redis.updates.publish("grievance", id, { type: "grievance.status", data: { status } }),
  ]);

/** Moves a grievance from its current status to `to`, with its audit rows, in one transaction. */
async function transition(
  deps: ApiDeps,
  actor: Actor,
  id: string,
  to: GrievanceStatus,
  extra: { note?: string; resolution?: string },
) {
  const updated = await deps.db.$transaction(async (tx) => {
    const current = found(
      await tx.grievance.findFirst({
        where: { AND: [{ id }, manageableGrievances(actor)] },
        select: { status: true },
      }),
      "Grievance",
    );
    if (!canTransition(current.status, to)) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `status: cannot go from ${current.status} to ${to}`,
      });
    }
    const data: Prisma.GrievanceUpdateManyMutationInput = { status: to };
    if (to === "RESOLVED") {
      data.resolvedAt = new Date();
      data.resolution = extra.resolution ?? extra.note ?? null;
    }
    if (to === "OPEN") {
      // Reopened: the old resolution stays in the history, not on the grievance.
      data.resolvedAt = null;
      data.resolution = null;
    }
    // Conditional on the status read above: of two concurrent transitions only one applies.
    const { count } = await tx.grievance.updateMany({ where: { id, status: current.status }, data });
    if (count === 0)
      throw new TRPCError({ code: "CONFLICT", message: "The grievance changed meanwhile; reload it" });
    const details = {
      from: current.status,
      to,
      ...(extra.note ? { note: extra.note } : {}),
      ...(extra.resolution ? { resolution: extra.resolution } : {}),
    };
    await tx.grievanceAuditLog.create({
      data: {
        grievanceId: id,
        actorId: actor.userId,
        action: to === "RESOLVED" ? "RESOLVED" : "STATUS_CHANGED",
        details,
      },
    });
    await writeAudit(tx, actor, {
      action: "grievance.status",
      resource: "grievance",
      resourceId: id,
      details,
    });
    return tx.grievance.findUniqueOrThrow({ where: { id }, select: grievanceSelect });
  });
  await publishChange(deps, id, updated.status, "grievance.status");
  return updated;
}

export const grievanceRouter = router({
  /** A student files a grievance; it is routed at once (README, "Grievance routing"). */
  file: studentProcedure
    .input(
      z.object({
        category: z.enum(["GRADE", "FEEDBACK", "FAIRNESS", "OTHER"]),
        severity: z.enum(["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
        description: text(5_000, { trim: true }),
        classId: z.uuid().optional(),
        submissionId: z.uuid().optional(),
        feedbackId: z.uuid().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const grievance = await ctx.deps.db.$transaction(async (tx) => {
        // Filings of one institution are routed one at a time, so each sees the workload the last one left.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ctx.actor.institutionId}))`;
        const student = await tx.student.findUniqueOrThrow({
          where: { id: ctx.actor.studentId },
          select: { id: true, mentorId: true },
        });
        const candidates = await loadRoutingCandidates(
          tx,
          { ...student, institutionId: ctx.actor.institutionId },
          input,
        );
        const decision = routeGrievance({
          category: input.category,
          severity: input.severity,
          ...candidates,
        });
        if (decision.assignedToId === null) {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: "Your institution has no admin to route this grievance to",
          });
        }
        const created = await tx.grievance.create({
          data: { ...input, studentId: student.id, assignedToId: decision.assignedToId },
          select: grievanceSelect,
        });
        await tx.grievanceAuditLog.createMany({
          data: [
            {
              grievanceId: created.id,
              actorId: ctx.actor.userId,
              action: "FILED",
              details: { category: input.category, severity: input.severity },
            },
            {
              grievanceId: created.id,
              actorId: null,
              action: "ROUTED",
              details: { rule: decision.rule, assignedToId: decision.assignedToId },
            },
          ],
        });
        await writeAudit(tx, ctx.actor, {
          action: "grievance.file",
          resource: "grievance",
          resourceId: created.id,
          details: { rule: decision.rule, assignedToId: decision.assignedToId },
        });
        return created;
      });
      await publishChange(ctx.deps, grievance.id, grievance.status, "grievance.file");
      return grievance;
    }),

  list: authedProcedure
    .input(
      z.object({ scope: z.enum(["mine", "assigned", "all"]), status: statusSchema.optional(), ...pageInput }),
    )
    .query(async ({ ctx, input }) => {
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
      const rows = await ctx.deps.db.grievance.findMany({
        where: { ...where, status: input.status },
        select: grievanceSelect,
        orderBy: { id: "desc" },
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),

  get: authedProcedure.input(grievanceId).query(async ({ ctx, input }) =>
    found(
      await ctx.deps.db.grievance.findFirst({
        where: { AND: [{ id: input.grievanceId }, readableGrievances(ctx.actor)] },
        select: grievanceSelect,
      }),
      "Grievance",
    ),
  ),

  assign: adminProcedure
    .input(z.object({ grievanceId: z.uuid(), assignedToId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await ctx.deps.db.$transaction(async (tx) => {
        const current = found(
          await tx.grievance.findFirst({
            where: { AND: [{ id: input.grievanceId }, manageableGrievances(ctx.actor)] },
            select: { assignedToId: true },
          }),
          "Grievance",
        );
        const assignee = found(
          await tx.user.findFirst({
            where: {
              id: input.assignedToId,
              institutionId: ctx.actor.institutionId,
              role: { not: "STUDENT" },
            },
          }),
          "Staff member",
        );
        const details = { from: current.assignedToId, to: assignee.id };
        await tx.grievance.update({ where: { id: input.grievanceId }, data: { assignedToId: assignee.id } });
        await tx.grievanceAuditLog.create({
          data: { grievanceId: input.grievanceId, actorId: ctx.actor.userId, action: "ASSIGNED", details },
        });
        await writeAudit(tx, ctx.actor, {
          action: "grievance.assign",
          resource: "grievance",
          resourceId: input.grievanceId,
          details,
        });
        return tx.grievance.findUniqueOrThrow({ where: { id: input.grievanceId }, select: grievanceSelect });
      });
      await publishChange(ctx.deps, updated.id, updated.status, "grievance.assign");
      return updated;
    }),

  updateStatus: authedProcedure
    .input(
      z.object({
        grievanceId: z.uuid(),
        status: statusSchema,
        note: text(2_000, { trim: true }).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      transition(ctx.deps, ctx.actor, input.grievanceId, input.status, { note: input.note }),
    ),

  resolve: authedProcedure
    .input(z.object({ grievanceId: z.uuid(), resolution: text(5_000, { trim: true }) }))
    .mutation(({ ctx, input }) =>
      transition(ctx.deps, ctx.actor, input.grievanceId, "RESOLVED", { resolution: input.resolution }),
    ),

  /** The grievance's audit trail, oldest first. */
  history: authedProcedure.input(grievanceId).query(async ({ ctx, input }) => {
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
  }),
});
