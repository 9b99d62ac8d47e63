#!/usr/bin/env node
// `node guard.mjs <command> [args...]`: runs one service (api or worker) for the browser suite and stops it
// when told to (SIGTERM/SIGINT) or when the test runner that started it goes away, even by SIGKILL: the runner
// holds our stdin open, and the OS closes it when the runner dies. The service gets SIGTERM (it drains and
// exits) and SIGKILL after GRACE_MS.
import { spawn } from "node:child_process";

const GRACE_MS = 10_000;
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node guard.mjs <command> [args...]");
  process.exit(2);
}

const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  setTimeout(() => child.kill("SIGKILL"), GRACE_MS).unref();
}

child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on("error", (error) => {
  console.error(`guard: could not start ${command}: ${error.message}`);
  process.exit(1);
});
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.on("error", stop);
process.stdin.resume();
