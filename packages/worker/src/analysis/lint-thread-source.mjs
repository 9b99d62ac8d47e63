// The lint thread when the worker runs its TypeScript sources (tsx, vitest): Node 20 does not carry tsx's module
// hooks into a worker thread, so the thread registers them itself. The compiled worker runs dist/analysis/lint-thread.js.
import { register } from "tsx/esm/api";

register();
await import("./lint-thread.ts");
