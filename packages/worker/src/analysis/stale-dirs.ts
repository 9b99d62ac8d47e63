// A worker killed mid-analysis (SIGKILL, out of memory) never runs its cleanup; the next start removes what
// such workers left on this host.
import { readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ANALYSIS_DIR_PREFIX } from "./source";

/**
 * Removes analysis directories under `root` unchanged for `maxAgeMs`; younger ones may belong to a live worker
 * on the same host. Age is the ctime, which extraction cannot set (tar copies the archive's mtimes).
 */
export async function removeStaleAnalysisDirs(
  maxAgeMs: number,
  root = tmpdir(),
  now = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(ANALYSIS_DIR_PREFIX)) continue;
    const path = join(root, entry.name);
    const changed = await stat(path).then(
      (s) => s.ctimeMs,
      () => now, // gone already
    );
    if (now - changed < maxAgeMs) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
