// What global setup hands to the tests: one JSON environment variable, set before the test workers start.
import { DEMO_LOGINS, DEMO_PASSWORD } from "@edu/seed";

export type Role = keyof typeof DEMO_LOGINS;
export type Account = { role: Role; email: string; password: string };
export type Accounts = Record<Role, Account>;

export type StackInfo = {
  /** The api's origin, which also serves the built SPA (http://127.0.0.1:{port}). */
  baseURL: string;
  /** The application role's URL of this run's database (rows only, as the api and worker have). */
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  /** ANALYSIS_LOCAL_ROOT of the worker: https://github.com/{owner}/{repo} is read from {root}/{owner}/{repo}. */
  fixtureRoot: string;
};

export const STACK_ENV = "E2E_STACK";

/** The seeded demo logins (@edu/seed), one per role. */
export const accounts: Accounts = {
  admin: { role: "admin", email: DEMO_LOGINS.admin, password: DEMO_PASSWORD },
  teacher: { role: "teacher", email: DEMO_LOGINS.teacher, password: DEMO_PASSWORD },
  mentor: { role: "mentor", email: DEMO_LOGINS.mentor, password: DEMO_PASSWORD },
  student: { role: "student", email: DEMO_LOGINS.student, password: DEMO_PASSWORD },
};

export function stackInfo(): StackInfo {
  const raw = process.env[STACK_ENV];
  if (!raw)
    throw new Error(`${STACK_ENV} is not set: run the suite through playwright.config.ts (global setup)`);
  return JSON.parse(raw) as StackInfo;
}
