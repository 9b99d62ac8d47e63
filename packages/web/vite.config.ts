import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// In development the SPA calls /trpc on its own origin and Vite forwards it to the api, so the session
// cookie stays first-party; in production the api serves the built SPA itself.
const apiUrl = process.env.API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    host: process.env.WEB_HOST ?? "127.0.0.1",
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: { "/trpc": { target: apiUrl, changeOrigin: false }, "/healthz": apiUrl },
  },
  test: { include: ["test/**/*.test.ts?(x)"] },
});
