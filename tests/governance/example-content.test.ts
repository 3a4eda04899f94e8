import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkGovernance } from "../../scripts/governance/check-governance.ts";
import { projectRoot } from "./test-repo.ts";

const run = promisify(execFile);
const isRepository = existsSync(path.join(projectRoot, ".git"));

describe.skipIf(!isRepository)("the example content", () => {
  it("passes the governance check against every commit in its own history", async () => {
    const { stdout } = await run("git", ["log", "--format=%H", "--", "content"], {
      cwd: projectRoot,
    });
    const commits = ["HEAD", ...stdout.split("\n").filter(Boolean)];
    for (const base of commits) {
      const report = await checkGovernance({ base, contentDir: path.join(projectRoot, "content") });
      const errors = report.problems.filter((p) => p.severity === "error");
      expect({ base, errors }).toEqual({ base, errors: [] });
    }
  });
});
