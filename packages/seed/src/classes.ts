// The three classes, who teaches them, who is enrolled, and their assignments.
import type { Db } from "@edu/db";
import { ASSIGNMENTS, CLASSES } from "./catalog";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import type { People } from "./institution-and-people";
import { type Clock, daysFrom, insertChunks } from "./support";

export type SeededAssignment = {
  id: string;
  classIndex: number;
  classId: string;
  title: string;
  dueDate: Date;
};

export type Classes = {
  /** Class ids by class index (the order of CLASSES). */
  ids: string[];
  /** Every teacher of each class (TeacherClass rows), by class index. */
  teacherIds: string[][];
  assignments: SeededAssignment[];
};

export async function seedClasses(db: Db, people: People, clock: Clock): Promise<Classes> {
  const ids = CLASSES.map((c) => seedId("class", c.key));
  const updatedAt = new Date();
  await insertRows(
    db,
    "Class",
    { id: "uuid", name: "text", description: "text", institutionId: "uuid", updatedAt: "timestamptz" },
    CLASSES.map((c, i) => ({
      id: ids[i] as string,
      name: c.name,
      description: c.description,
      institutionId: people.institutionId,
      updatedAt,
    })),
  );

  const lead = (classIndex: number) => people.leadTeacherIds[classIndex] as string;
  const teaching = [
    ...ids.map((classId, i) => ({ id: seedId("teaches", i), userId: lead(i), classId, classIndex: i })),
    // The demo teacher co-teaches the web class, so their dashboard spans two classes, and GRADE grievances
    // about web have two teachers to choose between.
    { id: seedId("teaches", "demo-web"), userId: lead(0), classId: ids[1] as string, classIndex: 1 },
  ];
  await insertRows(
    db,
    "TeacherClass",
    { id: "uuid", userId: "uuid", classId: "uuid" },
    teaching.map(({ classIndex: _, ...t }) => t),
  );

  await insertChunks(
    people.students.flatMap((s) =>
      s.classIndexes.map((c) => ({
        id: seedId("enrollment", s.studentId, c),
        studentId: s.studentId,
        classId: ids[c] as string,
      })),
    ),
    (data) => insertRows(db, "Enrollment", { id: "uuid", studentId: "uuid", classId: "uuid" }, data),
  );

  const assignments = CLASSES.flatMap((c, classIndex) =>
    ASSIGNMENTS[c.key].map((a, n) => ({
      id: seedId("assignment", c.key, n),
      classIndex,
      classId: ids[classIndex] as string,
      title: a.title,
      dueDate: daysFrom(clock.today, a.dueInDays),
    })),
  );
  await insertRows(
    db,
    "Assignment",
    {
      id: "uuid",
      classId: "uuid",
      title: "text",
      description: "text",
      dueDate: "timestamptz",
      updatedAt: "timestamptz",
    },
    assignments.map(({ classIndex: _, ...a }) => ({
      ...a,
      description: `${a.title}: push your solution to a GitHub repository and submit its URL.`,
      updatedAt,
    })),
  );

  return {
    ids,
    teacherIds: ids.map((_, c) => teaching.filter((t) => t.classIndex === c).map((t) => t.userId)),
    assignments,
  };
}
