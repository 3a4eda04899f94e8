import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "./test-repo.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "working-directory"?: string;
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

  it("check pull requests on pull_request, never pull_request_target", async () => {
    const { workflow } = await load("pull-request.yml");
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    for (const name of await readdir(folder))
      expect(Object.keys((await load(name)).workflow.on), name).not.toContain(
        "pull_request_target",
      );
    const runs = workflow.jobs.build!.steps!.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(
      expect.arrayContaining([
        "npm ci --no-audit --no-fund",
        "npm run validate",
        "npm run build",
        "npm test",
      ]),
    );
  });

  describe("the governance job never runs the pull request's code as the judge", () => {
    const governance = async () => (await load("pull-request.yml")).workflow.jobs.governance!;
    const checkouts = (steps: Step[]) =>
      steps.filter((s) => s.uses?.startsWith("actions/checkout@"));

    it("checks out the base commit and the pull request in separate folders, without credentials", async () => {
      const steps = (await governance()).steps!;
      const [trusted, pullRequest] = checkouts(steps);
      expect(checkouts(steps)).toHaveLength(2);
      expect(trusted!.with).toEqual({
        ref: "${{ github.event.pull_request.base.sha }}",
        path: "trusted",
        "fetch-depth": 1,
        "persist-credentials": false,
      });
      // The pull request's checkout is data: its history holds the base commit to compare with.
      expect(pullRequest!.with).toEqual({
        path: "pull-request",
        "fetch-depth": 0,
        "persist-credentials": false,
      });
    });

    it("installs and runs only the base branch's code, on the pull request's content folder", async () => {
      const steps = (await governance()).steps!;
      const runSteps = steps.filter((s) => s.run);
      expect(runSteps.map((s) => [s.run, s["working-directory"]])).toEqual([
        ["npm ci --no-audit --no-fund", "trusted"],
        ['npm run check -- --base "$BASE_SHA" --content ../pull-request/content', "trusted"],
      ]);
      expect(runSteps[1]!.env).toEqual({ BASE_SHA: "${{ github.event.pull_request.base.sha }}" });
      // Every other step is a pinned action from outside the repository, never a local one.
      for (const step of steps.filter((s) => !s.run))
        expect(step.uses, step.name).toMatch(/^actions\/(checkout|setup-node)@[0-9a-f]{40}$/);
    });

    it("restores no dependency cache that a job running the pull request's code could have written", async () => {
      const setup = (await governance()).steps!.find((s) =>
        s.uses?.startsWith("actions/setup-node@"),
      );
      expect(setup!.with).toEqual({ "node-version": 20 });
    });

    it("does not wait for, or share a machine with, the job that builds the pull request's code", async () => {
      const job = (await governance()) as Job & { needs?: unknown };
      expect(job.needs).toBeUndefined();
    });
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

describe("CODEOWNERS", () => {
  /** The owners GitHub gives a path: the last matching line wins; a line with no owners means none. */
  const ownersOf = (codeowners: string, file: string): string[] => {
    let owners: string[] = [];
    for (const line of codeowners.split("\n")) {
      const [pattern, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
      if (!pattern) continue;
      const matches =
        pattern === "*" ||
        (pattern.endsWith("/") ? `/${file}`.startsWith(pattern) : `/${file}` === pattern);
      if (matches) owners = names;
    }
    return owners;
  };

  it("routes every change outside content/, CODEOWNERS itself included, to the maintainers", async () => {
    const codeowners = await readFile(path.join(projectRoot, ".github/CODEOWNERS"), "utf8");
    const outside = [
      ".github/CODEOWNERS",
      ".github/workflows/pull-request.yml",
      ".ci/run",
      "schemas/charter.schema.json",
      "scripts/governance/check-governance.ts",
      "scripts/cli/usage-error.ts",
      "layouts/base.njk",
      "site/assets/css/site.css",
      "package.json",
      "package-lock.json",
      "eleventy.config.ts",
      "README.md",
    ];
    for (const file of outside)
      expect(ownersOf(codeowners, file), file).toEqual(["@charterbook/maintainers"]);
    expect(ownersOf(codeowners, "content/communities/north-east/charter.md")).toEqual([]);
  });
});
