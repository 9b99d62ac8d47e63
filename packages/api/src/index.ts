export { createClient, type EduClient } from "./client";
export type { AppRouter } from "./root";
