// The demo institution, its staff (the demo logins and two more teachers) and its students.
import type { Db, Prisma } from "@edu/db";
import { hash } from "@node-rs/argon2";
import { CLASSES, DEMO_DOMAIN, DEMO_LOGINS, DEMO_PASSWORD } from "./catalog";
import { seedId } from "./ids";
import { insertRows } from "./insert-rows";
import { type Clock, clockAt, insertChunks, type Random, STREAMS } from "./support";

export type SeededStudent = {
  index: number;
  userId: string;
  studentId: string;
  email: string;
  name: string;
  github: string;
  /** A latent diligence in [0, 1]: how often, how early and how well the student works. */
  diligence: number;
  /** Indexes into CLASSES of the classes the student is enrolled in. */
  classIndexes: number[];
  /** The IANA zone the student's streak days are counted in. */
  timeZone: string;
  mentorId: string | null;
};

export type People = {
  institutionId: string;
  adminIds: string[];
  mentorId: string;
  /** The lead teacher of each class, by class index: the demo teacher, teacher2, teacher3. */
  leadTeacherIds: string[];
  students: SeededStudent[];
};

/**
 * The institution, and the seed's clock read back from it: a second run dates everything as the first did
 * (same due dates, same submissions), so rows it finds and rows it adds agree.
 */
export async function seedInstitution(db: Db, now: Date): Promise<{ institutionId: string; clock: Clock }> {
  const id = seedId("institution", DEMO_DOMAIN);
  await insertRows(
    db,
    "Institution",
    { id: "uuid", name: "text", domain: "text", createdAt: "timestamptz", updatedAt: "timestamptz" },
    [{ id, name: "Demo University", domain: DEMO_DOMAIN, createdAt: now, updatedAt: now }],
  );
  const { createdAt } = await db.institution.findUniqueOrThrow({
    where: { id },
    select: { createdAt: true },
  });
  return { institutionId: id, clock: clockAt(createdAt) };
}

function planStudent(i: number, mentorId: string, random: Random): SeededStudent {
  const faker = random(STREAMS.student, i);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const email =
    i === 0
      ? DEMO_LOGINS.student
      : `${first}.${last}.${i}@${DEMO_DOMAIN}`.toLowerCase().replace(/[^a-z0-9.@]/g, "");
  const classIndexes = CLASSES.map((_, c) => c);
  return {
    index: i,
    userId: seedId("user", email),
    studentId: seedId("student", email),
    email,
    name: i === 0 ? "Sam Student" : `${first} ${last}`,
    github:
      faker.internet
        .username({ firstName: first, lastName: last })
        .replace(/[^A-Za-z0-9-]/g, "")
        .slice(0, 39) || `student${i}`,
    diligence: i === 0 ? 0.7 : faker.number.float({ min: 0, max: 1 }),
    // The demo student takes Python and Web, so both their teacher's classes show them.
    classIndexes:
      i === 0
        ? [0, 1]
        : faker.helpers
            .arrayElements(classIndexes, faker.number.int({ min: 1, max: 2 }))
            .sort((a, b) => a - b),
    // Every second student has the mentor.
    mentorId: i % 2 === 0 ? mentorId : null,
    // Streak days are the student's own: some students live east, some west of UTC.
    timeZone: STUDENT_TIME_ZONES[i % STUDENT_TIME_ZONES.length] as string,
  };
}

const STUDENT_TIME_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"] as const;

export async function seedPeople(
  db: Db,
  institutionId: string,
  studentCount: number,
  random: Random,
): Promise<People> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const now = new Date();
  const faker = random(STREAMS.staff);
  const staff: Prisma.UserCreateManyInput[] = [
    { email: DEMO_LOGINS.admin, name: "Ada Admin", role: "ADMIN" as const },
    { email: DEMO_LOGINS.mentor, name: "Miguel Mentor", role: "MENTOR" as const },
    { email: DEMO_LOGINS.teacher, name: "Tess Teacher", role: "TEACHER" as const },
    ...[2, 3].map((n) => ({
      email: `teacher${n}@${DEMO_DOMAIN}`,
      name: faker.person.fullName(),
      role: "TEACHER" as const,
    })),
  ].map((u) => ({
    ...u,
    id: seedId("user", u.email),
    institutionId,
    passwordHash,
    timeZone: "UTC",
    updatedAt: now,
  }));
  const idsOf = (role: string) => staff.filter((u) => u.role === role).map((u) => u.id as string);
  const mentorId = seedId("user", DEMO_LOGINS.mentor);
  const students = Array.from({ length: studentCount }, (_, i) => planStudent(i, mentorId, random));

  await insertChunks(
    [
      ...staff,
      ...students.map((s) => ({
        id: s.userId,
        email: s.email,
        name: s.name,
        role: "STUDENT" as const,
        institutionId,
        passwordHash,
        timeZone: s.timeZone,
        updatedAt: now,
      })),
    ],
    (data) =>
      insertRows(
        db,
        "User",
        {
          id: "uuid",
          email: "text",
          name: "text",
          role: '"Role"',
          institutionId: "uuid",
          passwordHash: "text",
          timeZone: "text",
          updatedAt: "timestamptz",
        },
        data,
      ),
  );
  await insertChunks(students, (chunk) =>
    insertRows(
      db,
      "Student",
      { id: "uuid", userId: "uuid", githubUsername: "text", githubConnected: "boolean", mentorId: "uuid" },
      chunk.map((s) => ({
        id: s.studentId,
        userId: s.userId,
        githubUsername: s.github,
        githubConnected: true,
        mentorId: s.mentorId,
      })),
    ),
  );
  return { institutionId, adminIds: idsOf("ADMIN"), mentorId, leadTeacherIds: idsOf("TEACHER"), students };
}
