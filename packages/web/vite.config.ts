import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// In development the SPA calls /trpc on its own origin and Vite forwards it to the api, so the session
// cookie stays first-party; in production the api serves the built SPA itself.
const apiUrl = process.env.API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  // The manifest lists each chunk's static imports: the browser suite sums what a first visit downloads.
  build: { manifest: true },
  server: {
    host: process.env.WEB_HOST ?? "127.0.0.1",
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: { "/trpc": { target: apiUrl, changeOrigin: false }, "/healthz": apiUrl },
  },
  // Component tests render into jsdom with the app's providers (test/render.tsx); the browser suite is packages/e2e.
  test: {
    include: ["test/**/*.test.ts?(x)"],
    environment: "jsdom",
    setupFiles: ["test/setup.ts"],
  },
});
