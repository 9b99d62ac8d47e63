// A short conversation with the assistant for each of the first students, yesterday.
import type { Db, Prisma } from "@edu/db";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import type { SeededStudent } from "./institution-and-people";
import { type Clock, DAY } from "./support";

const LINES = [
  ["USER", "When is my next deadline?"],
  ["ASSISTANT", 'Your next deadline is "Text adventure engine" in Intro to Programming, due in 3 days.'],
  ["USER", "How did my last submission score?"],
  [
    "ASSISTANT",
    "Your last submission scored 81/100 for code quality. The feedback suggests flattening nested conditionals.",
  ],
] as const;

export const CHATTING_STUDENTS = 5;

export async function seedChat(
  db: Db,
  students: SeededStudent[],
  clock: Clock,
): Promise<Prisma.ChatMessageCreateManyInput[]> {
  const yesterday = clock.today.getTime() - DAY;
  const rows = students.slice(0, CHATTING_STUDENTS).flatMap((s) =>
    LINES.map(([role, content], n) => ({
      id: seedId("chat", s.studentId, n),
      userId: s.userId,
      studentId: s.studentId,
      role,
      content,
      createdAt: new Date(yesterday + n * 60_000),
    })),
  );
  await insertRows(
    db,
    "ChatMessage",
    {
      id: "uuid",
      userId: "uuid",
      studentId: "uuid",
      role: '"ChatRole"',
      content: "text",
      createdAt: "timestamptz",
    },
    rows,
  );
  return rows;
}
