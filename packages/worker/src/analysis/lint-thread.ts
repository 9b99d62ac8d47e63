// A thread that lints JavaScript and TypeScript with ESLint (javascript.ts) for lint-pool.ts, so that an analysis
// lints on one core while it counts lines, parses Python and Java and looks for clones on another.
import { parentPort } from "node:worker_threads";
import { analyzeJavaScript } from "./javascript";
import type { LintRequest, LintResponse } from "./lint-pool";

parentPort?.on("message", (request: LintRequest) => {
  const reply = (response: LintResponse) => parentPort?.postMessage(response);
  if (request.files.length === 0) {
    reply({ id: request.id, result: { functions: [], findings: [] } });
    return;
  }
  analyzeJavaScript(request.root, request.files).then(
    (result) => reply({ id: request.id, result }),
    (error: Error) => reply({ id: request.id, error: error.stack ?? String(error) }),
  );
});
