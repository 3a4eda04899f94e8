import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "./test-repo.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const folder = path.join(projectRoot, ".github/workflows");
const load = async (name: string) => {
  const text = await readFile(path.join(folder, name), "utf8");
  return { text, workflow: parse(text) as Workflow };
};

describe("GitHub workflows", () => {
  it("pin every action to a full commit with its version in a comment", async () => {
    for (const name of await readdir(folder)) {
      const { text } = await load(name);
      const uses = text.split("\n").filter((line) => /^\s*(- )?uses:/.test(line));
      expect(uses.length, name).toBeGreaterThan(0);
      for (const line of uses)
        expect(line, name).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
    }
  });

  it("grant no permissions by default and only what each job needs", async () => {
    for (const name of await readdir(folder)) {
      const { workflow } = await load(name);
      expect(workflow.permissions, name).toEqual({});
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(Object.values(job.permissions ?? {}), `${name} ${id}`).not.toContain("write-all");
        if (id !== "deploy") expect(job.permissions, `${name} ${id}`).toEqual({ contents: "read" });
      }
    }
  });

  it("check pull requests on pull_request, never pull_request_target, against the full history", async () => {
    const { workflow } = await load("pull-request.yml");
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    for (const name of await readdir(folder))
      expect(Object.keys((await load(name)).workflow.on), name).not.toContain(
        "pull_request_target",
      );
    const steps = workflow.jobs.check!.steps!;
    expect(steps[0]!.with).toMatchObject({ "fetch-depth": 0, "persist-credentials": false });
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(
      expect.arrayContaining([
        "npm ci --no-audit --no-fund",
        "npm run validate",
        'npm run check -- --base "origin/$BASE_REF"',
        "npm run build",
        "npm test",
      ]),
    );
  });

  it("deploy the built site to GitHub Pages from main, with write access only in the deploy job", async () => {
    const { workflow } = await load("deploy.yml");
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(workflow.jobs.build!.steps!.at(-1)).toMatchObject({ with: { path: "_site" } });
    expect(workflow.jobs.build!.steps!.at(-1)!.uses).toMatch(/^actions\/upload-pages-artifact@/);
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(workflow.jobs.deploy!.steps!.map((s) => s.uses?.split("@")[0])).toEqual([
      "actions/deploy-pages",
    ]);
  });
});
