// The one vitest preset: every package's vitest.config.ts re-exports it. Test files share PostgreSQL and Redis
// (each with a database and key prefix of its own), so files run one at a time and hooks may take a while.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
