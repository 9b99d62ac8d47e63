import { z } from "zod";
import { mutateWithAudit } from "../audit/mutate";
import { replyToStudent } from "../chat/reply";
import { router, studentProcedure } from "../trpc";
import { text } from "../validation/text";
import { assertCursorInList, pageArgs, pageInput, toPage } from "./pagination";

const messageSelect = { id: true, role: true, content: true, createdAt: true } as const;

export const chatRouter = router({
  send: studentProcedure
    .input(z.object({ content: text(2_000, { trim: true }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.deps.consumeChatMessage(ctx.actor.studentId);
      const reply = await replyToStudent(ctx.deps, ctx.actor.studentId, input.content);
      return mutateWithAudit(ctx.deps, ctx.actor, { action: "chat.send", resource: "chat" }, async (tx) => {
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
        return { result: { question, answer }, resourceId: question.id };
      });
    }),

  history: studentProcedure
    .input(z.object(pageInput).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const where = { studentId: ctx.actor.studentId };
      await assertCursorInList(input.cursor, (id) =>
        ctx.deps.db.chatMessage.count({ where: { ...where, id } }),
      );
      const rows = await ctx.deps.db.chatMessage.findMany({
        where,
        select: messageSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(rows, input.limit);
    }),
});
