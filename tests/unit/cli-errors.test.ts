import { describe, expect, it } from "vitest";
import { checkMemory, estimateHeap } from "../../scripts/build/memory-check.ts";
import { CharterbookError, describeSystemError } from "../../scripts/cli/errors.ts";
import { parseFlags } from "../../scripts/cli/usage-error.ts";

const systemError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: failed, mkdir '${path}'`), { code, path });

describe("operating-system errors", () => {
  it("are put in words: what could not be done, where, why and what to do", () => {
    const error = describeSystemError(
      systemError("EACCES", "/srv/_site"),
      "publish the site to /srv/_site",
    );
    expect(error).toBeInstanceOf(CharterbookError);
    expect(error?.describe()).toBe(
      "Could not publish the site to /srv/_site: permission was refused at /srv/_site (EACCES).\n" +
        "Check that you may write there (ls -ld), or choose another folder with --out.",
    );
    expect(error?.exitCode).toBe(1);
  });

  it.each([
    [
      "ENOSPC",
      "the disk is full",
      "Free some space (df -h shows how much is left), then build again.",
    ],
    ["EROFS", "the file system is read-only", "Build into a folder on a writable disk with --out."],
    [
      "ENOTDIR",
      "a file is in the way where a folder must be",
      "Move or delete the file, or choose another folder with --out.",
    ],
    [
      "EBUSY",
      "the file or folder is in use by another program",
      "Close the program using it (a file explorer or a server), then try again.",
    ],
  ])("%s says %s", (code, what, todo) => {
    expect(describeSystemError(systemError(code, "/x"))?.describe()).toBe(
      `A file operation failed: ${what} at /x (${code}).\n${todo}`,
    );
  });

  it("leave other errors alone, so a bug is shown as one", () => {
    expect(describeSystemError(new TypeError("x is undefined"))).toBeUndefined();
    expect(describeSystemError(systemError("EWEIRD", "/x"))).toBeUndefined();
  });
});

describe("--help", () => {
  it("is answered by every command's flag parser with its usage, exit code 0", () => {
    const usage = "Usage: npm run thing -- [--x]\nDoes a thing.";
    const help = (() => {
      try {
        parseFlags(["--content", "c", "--help"], { content: { type: "string" } }, usage);
      } catch (error) {
        return error as CharterbookError;
      }
    })();
    expect(help?.code).toBe("help");
    expect(help?.exitCode).toBe(0);
    expect(help?.message).toBe(usage);
  });
});

describe("the memory check", () => {
  const megabyte = 1024 * 1024;
  it("lets the benchmark's 10,000 pages build without PDFs under a 4 GB heap", () => {
    expect(() =>
      checkMemory(
        { total: 78 * megabyte, shared: 40 * megabyte, guides: 3322 },
        false,
        4096 * megabyte,
      ),
    ).not.toThrow();
  });

  it("refuses, before anything is written, a site larger than the heap, saying how to give Node more", () => {
    const size = { total: 120 * megabyte, shared: 60 * megabyte, guides: 1 };
    expect(estimateHeap(size, false)).toBeGreaterThan(2048 * megabyte);
    expect(() => checkMemory(size, false, 2048 * megabyte)).toThrow(
      "This site is too large to build in the memory Node allows here: 120.0 MB of content needs about 2.3 GB, and the limit is 2.0 GB.",
    );
    try {
      checkMemory(size, false, 2048 * megabyte);
    } catch (error) {
      expect((error as CharterbookError).hint).toBe(
        "Give Node more memory, for example NODE_OPTIONS=--max-old-space-size=3072 npm run build.",
      );
    }
  });

  it("counts each community's printed guide, and suggests building without PDFs", () => {
    const size = { total: 78 * megabyte, shared: 40 * megabyte, guides: 3322 };
    expect(() => checkMemory(size, true, 4096 * megabyte)).toThrow(
      /with 3322 printed guides that each repeat 40\.0 MB/,
    );
  });
});
