// The fingerprint of an analysed tree: sha256 over every regular file's path and content, in path order. Two
// checkouts with the same files hash alike whatever their commit, date or archive order.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

export async function hashTree(root: string): Promise<string> {
  const paths: string[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".git") await walk(path);
      } else if (entry.isFile()) paths.push(path);
    }
  }
  await walk(root);
  const tree = createHash("sha256");
  const entries = paths.map((p) => ({ absolute: p, path: relative(root, p).split("\\").join("/") }));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { absolute, path } of entries) {
    const content = createHash("sha256")
      .update(await readFile(absolute))
      .digest("hex");
    tree.update(`${path}\0${content}\n`);
  }
  return `sha256:${tree.digest("hex")}`;
}
