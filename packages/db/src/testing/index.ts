export { applyMigrations, createEmptyDatabase, createTestDatabase, type TestDatabase } from "./database";
export { createTestRedis, deleteMatching, type TestRedis } from "./redis";
