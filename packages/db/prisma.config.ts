import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./prisma/cli-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js", // WebAssembly schema engine: the native one cannot be downloaded on our machines
  adapter: async () => createCliAdapter(process.env.DATABASE_URL ?? ""),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
