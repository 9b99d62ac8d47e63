import { TRPCError } from "@trpc/server";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { writeAudit } from "../audit/write";
import { replyToStudent } from "../chat/reply";
import type { ApiDeps } from "../deps";
import { router, studentProcedure } from "../trpc";
import { text } from "../validation/text";
import { pageArgs, pageInput, toPage } from "./pagination";

const messageSelect = { id: true, role: true, content: true, createdAt: true } as const;
const CHAT_MESSAGES_PER_MINUTE = 20;

const limiters = new WeakMap<ApiDeps, RateLimiterRedis>();
function chatLimiter(deps: ApiDeps) {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: deps.redis.redis,
      keyPrefix: deps.redis.keys.rateLimitPrefix("chat"),
      points: CHAT_MESSAGES_PER_MINUTE,
      duration: 60,
    });
    limiters.set(deps, limiter);
  }
  return limiter;
}

export const chatRouter = router({
  send: studentProcedure
    .input(z.object({ content: text(2_000, { trim: true }) }))
    .mutation(async ({ ctx, input }) => {
      try {
        await chatLimiter(ctx.deps).consume(ctx.actor.studentId);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw new TRPCError({
            code: "TOO_MANY_REQUESTS",
            message: `At most ${CHAT_MESSAGES_PER_MINUTE} messages a minute`,
          });
        }
        ctx.deps.log.warn({ err: error }, "chat rate limit unavailable; message allowed");
      }
      const reply = await replyToStudent(ctx.deps, ctx.actor.studentId, input.content);
      return ctx.deps.db.$transaction(async (tx) => {
        const base = { userId: ctx.actor.userId, studentId: ctx.actor.studentId };
        const question = await tx.chatMessage.create({
          data: { ...base, role: "USER", content: input.content },
          select: messageSelect,
        });
        // One millisecond later, so the answer always sorts after its question.
        const answer = await tx.chatMessage.create({
          data: {
            ...base,
            role: "ASSISTANT",
            content: reply,
            createdAt: new Date(question.createdAt.getTime() + 1),
          },
          select: messageSelect,
        });
        await writeAudit(tx, ctx.actor, { action: "chat.send", resource: "chat", resourceId: question.id });
        return { question, answer };
      });
    }),

  history: studentProcedure
    .input(z.object(pageInput).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.deps.db.chatMessage.findMany({
        where: { studentId: ctx.actor.studentId },
        select: messageSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),
});
