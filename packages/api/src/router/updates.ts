import { UPDATE_RESOURCES, type UpdateResource } from "@edu/db/redis";
import { tracked } from "@trpc/server";
import { z } from "zod";
import {
  found,
  readableClasses,
  readableGrievances,
  readableStudents,
  readableSubmissions,
} from "../access/scope";
import type { AuthedContext } from "../trpc";
import { authedProcedure, router } from "../trpc";
import { subscribe } from "../updates/subscription";

/** Throws NOT_FOUND unless the caller may read the resource whose changes they ask for. */
async function authorize(ctx: AuthedContext, resource: UpdateResource, id: string) {
  const { db } = ctx.deps;
  const select = { id: true } as const;
  switch (resource) {
    case "submission":
      return found(
        await db.submission.findFirst({ where: { AND: [{ id }, readableSubmissions(ctx.actor)] }, select }),
        "Submission",
      );
    case "grievance":
      return found(
        await db.grievance.findFirst({ where: { AND: [{ id }, readableGrievances(ctx.actor)] }, select }),
        "Grievance",
      );
    case "leaderboard":
      return found(
        await db.class.findFirst({ where: { AND: [{ id }, readableClasses(ctx.actor)] }, select }),
        "Class",
      );
    case "feedback":
    case "student":
      return found(
        await db.student.findFirst({ where: { AND: [{ id }, readableStudents(ctx.actor)] }, select }),
        "Student",
      );
  }
}

export const updatesRouter = router({
  /**
   * Change events of one resource over SSE, read from its `updates:{resource}:{id}` stream. Events carry the
   * stream id, so a client that reconnects (with lastEventId) gets what it missed. The stream ends with the
   * caller's session.
   */
  onChange: authedProcedure
    .input(
      z.object({
        resource: z.enum(UPDATE_RESOURCES),
        id: z.uuid(),
        lastEventId: z
          .string()
          .regex(/^\d+-\d+$/)
          .nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      await authorize(ctx, input.resource, input.id);
      const session = { token: ctx.token, userId: ctx.actor.userId };
      for await (const entry of subscribe(ctx.deps, session, input, signal))
        yield tracked(entry.id, entry.event);
    }),
});
