// Fetches a submitted repository into a temporary directory, within limits on archive size, file count and
// time. Both sources end in the same tar extraction, so the same limits and path checks apply to each.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseGithubUrl } from "@edu/domain";
import * as tar from "tar";
import type { AnalysisLimits, WorkerConfig } from "../config";

/** A repository that cannot be analysed; `permanent` ones are not retried. */
export class RepositoryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

const ALLOWED_HOSTS = new Set(["github.com", "codeload.github.com"]);

/** Only GitHub over https, re-checked at every redirect. */
export function assertAllowedUrl(raw: string): URL {
  const url = new URL(raw);
  if (
    url.protocol !== "https:" ||
    !ALLOWED_HOSTS.has(url.hostname) ||
    url.port !== "" ||
    url.username ||
    url.password
  ) {
    throw new RepositoryError(
      `Refusing to fetch from ${url.protocol}//${url.host}: only GitHub is allowed`,
      true,
    );
  }
  return url;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;

function byteLimit(max: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(new RepositoryError(`Repository archive is larger than ${megabytes(max)}`, true));
      else done(null, chunk);
    },
  });
}

async function extract(archive: Readable, dir: string, limits: AnalysisLimits, gzip: boolean): Promise<void> {
  let files = 0;
  let bytes = 0;
  let failure: RepositoryError | undefined;
  const extractor = tar.x({
    cwd: dir,
    strip: 1,
    gzip,
    // Regular files and directories only: links could point outside the directory.
    filter: (path, entry) => {
      const type = "type" in entry ? entry.type : "File";
      if (type !== "File" && type !== "Directory" && type !== "OldFile" && type !== "ContiguousFile")
        return false;
      const target = resolve(dir, path.split("/").slice(1).join("/"));
      if (target !== dir && !target.startsWith(dir + sep)) return false;
      if (type === "Directory") return true;
      if (++files > limits.ANALYSIS_MAX_FILES) {
        failure ??= new RepositoryError(`Repository has more than ${limits.ANALYSIS_MAX_FILES} files`, true);
        return false;
      }
      // Files too large to analyse are not written at all; the rest count toward the unpacked total.
      const size = "size" in entry ? Number(entry.size ?? 0) : 0;
      if (size > limits.ANALYSIS_MAX_FILE_BYTES) return false;
      bytes += size;
      if (bytes > limits.ANALYSIS_MAX_EXTRACTED_BYTES) {
        failure ??= new RepositoryError(
          `Repository unpacks to more than ${megabytes(limits.ANALYSIS_MAX_EXTRACTED_BYTES)}`,
          true,
        );
        return false;
      }
      return true;
    },
  });
  try {
    await pipeline(archive, byteLimit(limits.ANALYSIS_MAX_ARCHIVE_BYTES), extractor);
  } catch (error) {
    // A limit already exceeded is the real cause even when the stream breaks afterwards.
    throw failure ?? archiveError(error);
  }
  if (failure) throw failure;
}

/** What the archive itself caused fails for good; anything else (a broken download) may be retried. */
function archiveError(error: unknown): unknown {
  if (error instanceof RepositoryError) return error;
  const { message = "", code } = error as { message?: string; code?: string };
  if (message.includes("decompression ratio exceeded"))
    return new RepositoryError("Repository archive expands too far (a decompression bomb)", true);
  if (code === "Z_DATA_ERROR" || code === "TAR_BAD_ARCHIVE")
    return new RepositoryError("Repository archive is corrupt", true);
  return error;
}

async function fromGithub(
  owner: string,
  repo: string,
  ref: string | null,
  dir: string,
  limits: AnalysisLimits,
  signal: AbortSignal,
) {
  let url = assertAllowedUrl(
    `https://codeload.github.com/${owner}/${repo}/tar.gz/${encodeURIComponent(ref ?? "HEAD")}`,
  );
  for (let hop = 0; hop < 4; hop++) {
    const response = await fetch(url, { redirect: "manual", signal }).catch((error: Error) => {
      throw new RepositoryError(`Could not reach GitHub: ${error.message}`, false);
    });
    if (response.status >= 300 && response.status < 400) {
      url = assertAllowedUrl(new URL(response.headers.get("location") ?? "", url).toString());
      continue;
    }
    if (response.status === 404)
      throw new RepositoryError("Repository or ref not found (is it public?)", true);
    if (!response.ok || !response.body)
      throw new RepositoryError(`GitHub answered ${response.status}`, response.status < 500);
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > limits.ANALYSIS_MAX_ARCHIVE_BYTES)
      throw new RepositoryError("Repository archive is too large", true);
    return extract(Readable.fromWeb(response.body as never), dir, limits, true);
  }
  throw new RepositoryError("Too many redirects", true);
}

async function fromLocal(
  root: string,
  owner: string,
  repo: string,
  ref: string | null,
  dir: string,
  limits: AnalysisLimits,
  signal: AbortSignal,
) {
  const repoDir = resolve(root, owner, repo);
  if (!repoDir.startsWith(resolve(root) + sep) || !existsSync(join(repoDir, ".git"))) {
    throw new RepositoryError("Repository or ref not found (is it public?)", true);
  }
  const commit = spawnSync(
    "git",
    ["-C", repoDir, "rev-parse", "--verify", "--quiet", `${ref ?? "HEAD"}^{commit}`],
    { encoding: "utf8" },
  );
  if (commit.status !== 0)
    throw new RepositoryError(`Ref ${ref ?? "HEAD"} not found in the repository`, true);
  const git = spawn(
    "git",
    ["-C", repoDir, "archive", "--format=tar", "--prefix=repo/", commit.stdout.trim()],
    { signal, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  git.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number>((done) => git.once("close", (code) => done(code ?? 1)));
  await extract(git.stdout, dir, limits, false);
  if ((await exited) !== 0)
    throw new RepositoryError(`Repository or ref not found (${stderr.trim().split("\n")[0]})`, true);
}

/** Every fetched repository lives in a directory of this name under os.tmpdir(), removed when done. */
export const ANALYSIS_DIR_PREFIX = "edu-analysis-";

export type FetchedRepository = { dir: string; cleanup(): Promise<void> };

export async function fetchRepository(githubUrl: string, config: WorkerConfig): Promise<FetchedRepository> {
  const parsed = parseGithubUrl(githubUrl);
  if ("error" in parsed) throw new RepositoryError(`Submission URL ${parsed.error}`, true);
  const dir = await mkdtemp(join(tmpdir(), ANALYSIS_DIR_PREFIX));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const signal = AbortSignal.timeout(config.ANALYSIS_TIMEOUT_MS);
  try {
    if (config.ANALYSIS_SOURCE === "local") {
      if (!config.ANALYSIS_LOCAL_ROOT) throw new RepositoryError("ANALYSIS_LOCAL_ROOT is not set", true);
      await fromLocal(config.ANALYSIS_LOCAL_ROOT, parsed.owner, parsed.repo, parsed.ref, dir, config, signal);
    } else {
      await fromGithub(parsed.owner, parsed.repo, parsed.ref, dir, config, signal);
    }
    return { dir, cleanup };
  } catch (error) {
    await cleanup();
    if (signal.aborted)
      throw new RepositoryError(`Fetching took longer than ${config.ANALYSIS_TIMEOUT_MS / 1000} s`, true);
    throw error instanceof RepositoryError
      ? error
      : new RepositoryError(`Could not fetch the repository: ${(error as Error).message}`, false);
  }
}
