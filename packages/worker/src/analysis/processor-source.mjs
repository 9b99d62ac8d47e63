// The analysis processor when the worker runs its TypeScript sources (`npm start`, tests): Node 20 does not carry
// tsx's module hooks into a worker thread, so the thread registers them itself before importing processor.ts.
// The compiled worker runs dist/analysis/processor.js instead (see workers.ts).
import { register } from "tsx/esm/api";

register();
const { default: processAnalysis } = await import("./processor.ts");
export default processAnalysis;
