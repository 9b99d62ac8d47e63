export { header, machine, row, timed, writeBenchmarkSection } from "./bench";
export { applyMigrations, createEmptyDatabase, createTestDatabase, type TestDatabase } from "./database";
export { type PrivateRedis, startPrivateRedis } from "./private-redis";
export { createTestRedis, deleteMatching, type TestRedis } from "./redis";
