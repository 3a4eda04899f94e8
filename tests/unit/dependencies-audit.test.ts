import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const readJson = async (file: string) =>
  JSON.parse(await readFile(new URL(`../../${file}`, import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;

interface AuditReport {
  error?: { summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  metadata?: { vulnerabilities: Record<string, number> };
}

describe("dependencies", () => {
  it("has its lockfile committed and in step with package.json, so CI installs exactly it", async () => {
    const tracked = await run("git", ["ls-files", "--error-unmatch", "package-lock.json"], {
      cwd: projectRoot,
    });
    expect(tracked.stdout.trim()).toBe("package-lock.json");
    const manifest = await readJson("package.json");
    const lock = (await readJson("package-lock.json")) as {
      lockfileVersion: number;
      packages: Record<string, { dependencies?: object; devDependencies?: object }>;
    };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(lock.packages[""]!.dependencies).toEqual(manifest.dependencies);
    expect(lock.packages[""]!.devDependencies).toEqual(manifest.devDependencies);
  });

  it("installs with npm ci in CI, which refuses a lockfile out of step", async () => {
    const ci = await readFile(new URL("../../.ci/run", import.meta.url), "utf8");
    expect(ci).toMatch(/^\s*npm ci\b/m);
    expect(ci).not.toMatch(/^\s*npm install\b/m);
  });

  it(
    "has no high or critical advisory in the dependencies that are published",
    { timeout: 90_000 },
    async (context) => {
      // npm audit exits non-zero when it finds advisories; the JSON report is what matters.
      const output = await run("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
        cwd: projectRoot,
        maxBuffer: 32 * 1024 * 1024,
      }).then(
        (done) => done.stdout,
        (failed: { stdout?: string }) => failed.stdout ?? "",
      );
      let report: AuditReport;
      try {
        report = JSON.parse(output) as AuditReport;
      } catch {
        report = { message: `npm audit printed no JSON: ${output.slice(0, 200)}` };
      }
      if (!report.metadata) {
        // Only an unreachable audit service skips the check; a report with findings never does.
        context.skip(
          `npm audit could not reach the registry's audit service (${report.message ?? report.error?.summary ?? "no report"}); run npm audit --omit=dev where the registry is reachable.`,
        );
        return;
      }
      const serious = Object.entries(report.vulnerabilities ?? {})
        .filter(([, v]) => v.severity === "high" || v.severity === "critical")
        .map(([name, v]) => `${name} (${v.severity})`);
      expect(serious).toEqual([]);
      expect(report.metadata.vulnerabilities.high ?? 0).toBe(0);
      expect(report.metadata.vulnerabilities.critical ?? 0).toBe(0);
    },
  );
});
