import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readEntry, sourceKey, writeEntry } from "../../scripts/cms/entry-format.ts";
import { prepareSave, SaveRefused, type SaveRequest } from "../../scripts/cms/prepare-save.ts";
import { checkGovernance } from "../../scripts/governance/check-governance.ts";
import { createRepo, riverside, runScript, type TestRepo } from "./test-repo.ts";

/**
 * What pressing Save in the content editor writes, against a real git repository: the base is the
 * committed fixture (as the base branch of a pull request), and each result is compared with what
 * `npm run revise` and `npm run approve` write, then judged by the governance check (in-process:
 * its command has its own tests).
 */
const charter = `${riverside}/charter.md`;
const groundRules = `${riverside}/ground-rules.md`;
const index = `${riverside}/index.md`;
const today = "2026-06-01";
const now = (timeZone: string) => ({ date: today, timeZone });

type Data = Record<string, unknown>;

let repo: TestRepo;
beforeEach(async () => {
  repo = await createRepo();
});
afterEach(async () => {
  await repo.remove();
});

/** Reads files as the base branch holds them, and as the working copy holds them. */
const files = {
  readBase: (file: string) => repo.git("show", `main:${file}`).catch(() => undefined),
  readCurrent: (file: string) => repo.read(file).catch(() => undefined),
};

/** The form as the editor shows a file, changed by `edit`, with the revision note given. */
async function form(file: string, edit: (data: Data) => void, extra: Data = {}): Promise<Data> {
  const data = structuredClone(readEntry(await repo.read(file), "markdown"));
  edit(data);
  return { ...data, ...extra };
}

/** What the governance check refuses in the working copy, judged against main as on a pull request. */
async function checkErrors(): Promise<string[]> {
  const report = await checkGovernance({
    base: "main",
    contentDir: path.join(repo.dir, "content"),
    today,
  });
  return report.problems
    .filter((problem) => problem.severity === "error")
    .map((problem) => `${problem.file} ${problem.field}: ${problem.message}`);
}

/** Saves as the editor does: prepares the save, then writes the entry and every other file. */
async function save(request: SaveRequest): Promise<void> {
  const result = await prepareSave(request, files, now);
  await repo.write(request.path, writeEntry(result.data, "markdown"));
  for (const file of result.companions) {
    await mkdir(path.dirname(path.join(repo.dir, file.path)), { recursive: true });
    await repo.write(file.path, file.text);
  }
}

const note = { implemented_by: "Member support", reason: "Reworded after member feedback." };

describe("saving a charter in the content editor", () => {
  it("adds the next version row exactly as npm run revise does, and the check accepts it", async () => {
    await save({
      collection: "charter",
      path: charter,
      data: await form(
        charter,
        (data) => void ((data.goals as string[])[0] = "Share practice across every team."),
        { _revision: note },
      ),
    });
    const saved = await repo.read(charter);
    await repo.git("stash");
    await repo.edit(charter, (text) =>
      text.replace("Share practice across the river's teams.", "Share practice across every team."),
    );
    const revised = await runScript(
      "revise",
      ["--community", "riverside", "--reason", note.reason, "--by", note.implemented_by],
      { cwd: repo.dir },
    );
    expect(revised.code).toBe(0);
    expect(saved).toBe(await repo.read(charter));
    expect(await checkErrors()).toEqual([]);
  });

  it("counts the version from the base branch, so saving again rewrites its one new row", async () => {
    const first = { implemented_by: "Coordinator", reason: "First wording." };
    await save({
      collection: "charter",
      path: charter,
      data: await form(charter, (data) => void (data.title = "Riverside Charter"), {
        _revision: first,
      }),
    });
    await save({
      collection: "charter",
      path: charter,
      data: await form(charter, (data) => void (data.title = "The Riverside Charter"), {
        _revision: note,
      }),
    });
    const text = await repo.read(charter);
    expect(text.match(/- version:/g)).toHaveLength(3);
    expect(text).toContain(
      `  - version: "0.3"\n    implemented_by: Member support\n    revision_date: 2026-06-01\n    approver: Steering group\n    reason: Reworded after member feedback.\n`,
    );
    expect(text).toContain('version: "0.3"\nstatus: draft\n');
  });

  it("asks for the editor's role and reason when a governed document changes", async () => {
    const request = {
      collection: "charter",
      path: charter,
      data: await form(charter, (data) => void (data.title = "Riverside Charter")),
    };
    await expect(prepareSave(request, files, now)).rejects.toThrow(
      new SaveRefused(
        'Every change to the charter is a new version. Fill in your role and why you are making this change under "Your revision", then save again.',
      ),
    );
  });

  it("refuses a change to a past version with the governance check's own words", async () => {
    const request = {
      collection: "charter",
      path: charter,
      data: await form(
        charter,
        (data) => {
          (data.version_history as Data[])[0]!.reason = "Rewritten history.";
          data.title = "Riverside Charter";
        },
        { _revision: note },
      ),
    };
    const refusal = prepareSave(request, files, now);
    await expect(refusal).rejects.toBeInstanceOf(SaveRefused);
    await expect(refusal).rejects.toThrow(
      `${charter} was not changed:\n  Version "0.1" was edited: reason was "First draft agreed by the steering group." and is now "Rewritten history.".`,
    );
  });

  it("refuses a value the schema forbids, naming the field and the fix as npm run validate does", async () => {
    const request = {
      collection: "community",
      path: index,
      data: await form(
        index,
        (data) => void (data.short_name = "Riverside Community of Practice North"),
      ),
    };
    await expect(prepareSave(request, files, now)).rejects.toThrow(
      new SaveRefused(
        `${index} was not saved: one field needs fixing.\nshort_name: This is 37 characters long; at most 24 are allowed. Expected a short name of at most 24 characters, used in navigation and PDF headers, such as AMHCOP.`,
      ),
    );
  });

  it("leaves the history alone when nothing a reader sees changed", async () => {
    const result = await prepareSave(
      { collection: "charter", path: charter, data: await form(charter, () => {}) },
      files,
      now,
    );
    expect(writeEntry(result.data, "markdown")).toBe(await repo.read(charter));
    expect(result.version).toBeUndefined();
  });
});

describe("saving ground rules or a community's governed fields", () => {
  it("adds the charter's next version in the same save, as npm run revise writes it", async () => {
    await save({
      collection: "ground-rules",
      path: groundRules,
      data: await form(
        groundRules,
        (data) => void (data.rules as string[]).push("Arrive on time."),
        {
          _revision: note,
        },
      ),
    });
    expect(await repo.read(groundRules)).toContain(
      "  - Speak from your own experience.\n  - Arrive on time.\n",
    );
    const saved = await repo.read(charter);
    await repo.git("checkout", "--", charter);
    const revised = await runScript(
      "revise",
      ["--community", "riverside", "--reason", note.reason, "--by", note.implemented_by],
      { cwd: repo.dir },
    );
    expect(revised.code).toBe(0);
    expect(saved).toBe(await repo.read(charter));
    expect(await checkErrors()).toEqual([]);
  });

  it("records a change of approvers with an approver listed before it", async () => {
    await save({
      collection: "community",
      path: index,
      data: await form(index, (data) => void ((data.approvers as string[])[0] = "Co-chairs"), {
        _revision: { implemented_by: "Coordinator", reason: "Co-chairs now approve the charter." },
      }),
    });
    expect(await repo.read(charter)).toContain(
      "    approver: Members' forum\n    reason: Co-chairs now approve the charter.\n",
    );
    expect(await checkErrors()).toEqual([]);
  });

  it("needs no new version for a change to the community's other fields", async () => {
    const result = await prepareSave(
      {
        collection: "community",
        path: index,
        data: await form(index, (data) => void (data.summary = "A small community.")),
      },
      files,
      now,
    );
    expect(result.companions).toEqual([]);
  });
});

describe("approving a charter in the content editor", () => {
  const archive = `${riverside}/versions/0.2`;

  it("records the approval and the version's copies exactly as npm run approve does, and the check accepts them", async () => {
    await save({
      collection: "charter-approval",
      path: charter,
      data: await form(charter, () => {}, {
        _approval: { approver: "Steering group", approval_date: "2026-05-02" },
      }),
    });
    const written = [charter, `${archive}/charter.md`, `${archive}/ground-rules.md`];
    const saved = await Promise.all(written.map((file) => repo.read(file)));
    expect(saved[1]).toBe(saved[0]);
    expect(saved[2]).toBe(await repo.read(groundRules));
    expect(await checkErrors()).toEqual([]);
    await repo.git("checkout", "--", charter);
    await repo.git("clean", "-fdq");
    const approved = await runScript(
      "approve",
      ["--community", "riverside", "--by", "Steering group", "--date", "2026-05-02"],
      { cwd: repo.dir },
    );
    expect(approved.code).toBe(0);
    expect(saved).toEqual(await Promise.all(written.map((file) => repo.read(file))));
  });

  it("never writes over a copy already in the archive", async () => {
    await mkdir(path.join(repo.dir, archive), { recursive: true });
    await repo.write(`${archive}/charter.md`, "left from an approval that was undone");
    const request = {
      collection: "charter-approval",
      path: charter,
      data: await form(charter, () => {}, {
        _approval: { approver: "Steering group", approval_date: "2026-05-02" },
      }),
    };
    await expect(prepareSave(request, files, now)).rejects.toThrow(
      new SaveRefused(
        `${archive}/ already exists, so version 0.2 cannot be approved again into it. A copy in the archive is never replaced: if it is left from an approval that was undone, delete the folder in the repository and approve again.`,
      ),
    );
  });

  it("refuses an approver the community does not list, suggesting the closest", async () => {
    const request = {
      collection: "charter-approval",
      path: charter,
      data: await form(charter, () => {}, {
        _approval: { approver: "Steering grp", approval_date: "2026-05-02" },
      }),
    };
    await expect(prepareSave(request, files, now)).rejects.toThrow(
      `${charter} was not changed:\n  "Steering grp" is not one of the community's approvers (Steering group, Members' forum). Did you mean "Steering group"?`,
    );
  });

  it("refuses to approve a version already approved", async () => {
    await save({
      collection: "charter-approval",
      path: charter,
      data: await form(charter, () => {}, {
        _approval: { approver: "Steering group", approval_date: "2026-05-02" },
      }),
    });
    await repo.commit("Approved");
    const request = {
      collection: "charter-approval",
      path: charter,
      data: await form(charter, () => {}, {
        _approval: { approver: "Steering group", approval_date: "2026-05-03" },
      }),
    };
    await expect(prepareSave(request, files, now)).rejects.toThrow(
      "Version 0.2 was already approved on 2026-05-02 by Steering group. To approve a change, record it first: edit the charter, and approve the new version once that is saved.",
    );
  });

  it("never writes over a file it could not read", async () => {
    const request = {
      collection: "charter",
      path: charter,
      data: {
        ...readEntry("---\ntitle: [\n---\n", "markdown"),
        [sourceKey]: "---\ntitle: [\n---\n",
      },
    };
    await expect(prepareSave(request, files, now)).rejects.toThrow(
      /could not be read \(its YAML could not be read/,
    );
  });
});
