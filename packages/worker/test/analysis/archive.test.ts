// Archives from GitHub (fetch stubbed): what an attacker can send fails for good, with a message, and is
// never retried; only a broken download is worth another attempt.
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchRepository, RepositoryError } from "../../src/analysis/source";
import { loadWorkerConfig } from "../../src/config";

const config = loadWorkerConfig({ ANALYSIS_MAX_FILES: "5", ANALYSIS_MAX_ARCHIVE_BYTES: "200000" });

/** A ustar entry: header and content padded to 512 bytes. */
function entry(path: string, content: Buffer): Buffer {
  const h = Buffer.alloc(512);
  h.write(path, 0);
  h.write("0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(`${content.length.toString(8).padStart(11, "0")}\0`, 124);
  h.write("00000000000\0", 136);
  h.write("        ", 148);
  h.write("0", 156);
  h.write("ustar\u000000", 257);
  const sum = h.reduce((a, b) => a + b, 0);
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([h, content, padding]);
}
const tarball = (...entries: Buffer[]) => Buffer.concat([...entries, Buffer.alloc(1024)]);

/** GitHub answering 200 with `chunks`, then failing the stream with `error` if given. */
function serve(chunks: Buffer[], error?: Error) {
  vi.stubGlobal("fetch", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
        // The break comes a little later, once what arrived has been read.
        if (error) setTimeout(() => controller.error(error), 100);
        else controller.close();
      },
    });
    return new Response(body, { status: 200 });
  });
}
const split = (buffer: Buffer, size = 16_384) =>
  Array.from({ length: Math.ceil(buffer.length / size) }, (_, i) =>
    buffer.subarray(i * size, (i + 1) * size),
  );

async function failure(): Promise<RepositoryError> {
  const error = await fetchRepository("https://github.com/sam/kata", config).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RepositoryError);
  return error as RepositoryError;
}

afterEach(() => vi.unstubAllGlobals());

describe("archives from GitHub", () => {
  it("fail for good on a decompression bomb (64 MB of zeros in 64 KB)", async () => {
    const zeros = 64 * 1024 * 1024;
    serve(split(gzipSync(tarball(entry("repo/zeros.js", Buffer.alloc(zeros))), { level: 9 })));
    const error = await failure();
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/decompression bomb/);
  });

  it("fail for good on a corrupt archive", async () => {
    const gz = gzipSync(tarball(entry("repo/a.js", Buffer.from("let a = 1;\n".repeat(500)))));
    gz.fill(0xff, 20, 60);
    serve([gz]);
    const error = await failure();
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/corrupt/);
  });

  it("fail for good past the archive size limit, without a declared length", async () => {
    const noise = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
    serve(split(gzipSync(tarball(entry("repo/noise.bin", noise)), { level: 0 })));
    const error = await failure();
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/larger than/);
  });

  it("keep a limit already exceeded when the download breaks afterwards", async () => {
    const files = Array.from({ length: 8 }, (_, i) => entry(`repo/f${i}.js`, Buffer.from("x;\n")));
    const gz = gzipSync(Buffer.concat(files));
    serve([gz], new Error("socket hang up"));
    const error = await failure();
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/more than 5 files/);
  });

  it("retry a download that breaks with no limit exceeded", async () => {
    const gz = gzipSync(tarball(entry("repo/a.js", Buffer.from("let a = 1;\n".repeat(5000)))));
    serve([gz.subarray(0, 200)], new Error("socket hang up"));
    const error = await failure();
    expect(error.permanent).toBe(false);
  });
});
