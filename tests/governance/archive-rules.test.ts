import { mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Problem } from "../../scripts/content/problems.ts";
import { checkGovernance } from "../../scripts/governance/check-governance.ts";
import { createRepo, riverside, runScript, type TestRepo } from "./test-repo.ts";

const charter = `${riverside}/charter.md`;
const copyOf = (version: string, name = "charter.md") => `${riverside}/versions/${version}/${name}`;

let repo: TestRepo;
beforeEach(async () => {
  repo = await createRepo();
});
afterEach(async () => {
  await repo.remove();
});

const check = async (base = "main") =>
  (
    await checkGovernance({
      base,
      contentDir: path.join(repo.dir, "content"),
      today: "2026-06-01",
    })
  ).problems.map(({ code, severity, file, line, field, message, hint }: Problem) => ({
    code,
    severity,
    file,
    line,
    field,
    message,
    hint,
  }));

const approve = (date = "2026-05-02") =>
  runScript("approve", ["--community", "riverside", "--by", "Steering group", "--date", date], {
    cwd: repo.dir,
  });

/** Copies a community file into the archive by hand, as an editor might. */
async function copyIntoArchive(version: string, text?: Record<string, string>): Promise<void> {
  await mkdir(path.join(repo.dir, riverside, "versions", version), { recursive: true });
  for (const name of ["charter.md", "ground-rules.md"]) {
    await repo.write(
      copyOf(version, name),
      text?.[name] ?? (await repo.read(`${riverside}/${name}`)),
    );
  }
}

const approveByHand = (text: string) =>
  text
    .replace("status: draft", "status: approved")
    .replace(
      "reason: Meetings moved online.",
      "approval_date: 2026-05-02\n    reason: Meetings moved online.",
    );

describe("the archive of approved versions, judged against the base branch", () => {
  it("accepts an approval that npm run approve recorded with its copies", async () => {
    expect((await approve()).code).toBe(0);
    expect(await check()).toEqual([]);
  });

  it("refuses an approval without its copy, at the approval's line", async () => {
    await repo.edit(charter, approveByHand);
    expect(await check()).toEqual([
      {
        code: "archive-missing",
        severity: "error",
        file: charter,
        line: 17,
        field: "version_history[1].approval_date",
        message:
          "Version 0.2 is approved in this change, but the archive has no copy of it (content/communities/riverside/versions/0.2/charter.md, content/communities/riverside/versions/0.2/ground-rules.md). Without it, the text of 0.2 is lost from the site once the next version is drafted.",
        hint: "npm run approve writes the copies with the approval; or copy charter.md and ground-rules.md, as approved, into content/communities/riverside/versions/0.2/.",
      },
    ]);
  });

  it("refuses a copy that is not the text approved", async () => {
    await repo.edit(charter, approveByHand);
    await copyIntoArchive("0.2");
    await repo.edit(copyOf("0.2", "ground-rules.md"), (t) => t.replace("Be kind.", "Be nice."));
    expect(await check()).toEqual([
      {
        code: "archive-not-approved-text",
        severity: "error",
        file: copyOf("0.2", "ground-rules.md"),
        line: 1,
        field: "",
        message:
          "This copy of version 0.2 is not the text approved: it differs from content/communities/riverside/ground-rules.md, which is version 0.2 as approved.",
        hint: "Copy ground-rules.md into content/communities/riverside/versions/0.2/ exactly as it is (npm run approve writes both copies with the approval).",
      },
    ]);
  });

  describe("once a copy is on the base branch", () => {
    beforeEach(async () => {
      expect((await approve()).code).toBe(0);
      await repo.commit("Approve 0.2");
    });

    it("refuses any change to it, naming the way back", async () => {
      await repo.edit(copyOf("0.2"), (t) => t.replace("Share practice", "Share good practice"));
      expect(await check()).toEqual([
        {
          code: "archive-changed",
          severity: "error",
          file: copyOf("0.2"),
          line: 1,
          field: "",
          message:
            'The approved copy of version 0.2 of community "riverside" was changed. It is the text that was approved, and it never changes.',
          hint: `Restore it as it was: git checkout main -- ${copyOf("0.2")}. To change the charter, edit charter.md and record a new version with npm run revise.`,
        },
      ]);
    });

    it("refuses it being deleted, and it being replaced by a link", async () => {
      await rm(path.join(repo.dir, copyOf("0.2")));
      await rm(path.join(repo.dir, copyOf("0.2", "ground-rules.md")));
      await symlink("../../ground-rules.md", path.join(repo.dir, copyOf("0.2", "ground-rules.md")));
      const found = await check();
      expect(found.filter((p) => p.code.startsWith("archive-"))).toEqual([
        expect.objectContaining({
          code: "archive-removed",
          file: copyOf("0.2"),
          message:
            'The approved copy of version 0.2 of community "riverside" was deleted. The archive is the record of every version members agreed; nothing in it is ever removed.',
        }),
        expect.objectContaining({
          code: "archive-removed",
          file: copyOf("0.2", "ground-rules.md"),
          message:
            'The approved copy of version 0.2 of community "riverside" was replaced by something that is not a file. The archive is the record of every version members agreed; nothing in it is ever removed.',
        }),
      ]);
      // Validation refuses the link itself too.
      expect(found.map((p) => p.code)).toContain("symbolic-link");
    });

    it("refuses a copy of an earlier version added after the archive began", async () => {
      const earlier = (await repo.read(charter))
        .replace('version: "0.2"\nstatus: approved', 'version: "0.1"\nstatus: approved')
        .replace(/ {2}- version: "0\.2"[\s\S]*?(?=goals:)/, "");
      await copyIntoArchive("0.1", { "charter.md": earlier });
      expect(await check()).toEqual([
        {
          code: "archive-added-later",
          severity: "error",
          file: copyOf("0.1"),
          line: 1,
          field: "",
          message:
            'A copy of version 0.1 of community "riverside" is added, but that version was approved before this change and the community\'s archive already holds other versions. A copy is only ever written with its approval.',
          hint: "Remove content/communities/riverside/versions/0.1/. The archive keeps what npm run approve wrote at each approval.",
        },
      ]);
    });

    it("accepts the next version being drafted and approved, each copy kept", async () => {
      const revised = await runScript(
        "revise",
        [
          "--community",
          "riverside",
          "--reason",
          "Meetings monthly.",
          "--by",
          "Coordinator",
          "--date",
          "2026-05-20",
        ],
        { cwd: repo.dir },
      );
      expect(revised.code).toBe(0);
      await repo.edit(charter, (t) => t.replace("Share practice", "Share good practice"));
      expect(await check()).toEqual([]);
      await repo.commit("Version 0.3");
      expect((await approve("2026-05-25")).code).toBe(0);
      expect(await check()).toEqual([]);
      expect(await repo.read(copyOf("0.3"))).toBe(await repo.read(charter));
      expect(await repo.read(copyOf("0.2"))).toContain('version: "0.2"\nstatus: approved');
    });
  });

  it("lets a community start its archive with a copy of an earlier version, as a warning for a reviewer", async () => {
    const earlier = (await repo.read(charter))
      .replace('version: "0.2"\nstatus: draft', 'version: "0.1"\nstatus: approved')
      .replace(/ {2}- version: "0\.2"[\s\S]*?(?=goals:)/, "");
    await copyIntoArchive("0.1", { "charter.md": earlier });
    expect(await check()).toEqual([
      {
        code: "archive-started",
        severity: "warning",
        file: copyOf("0.1"),
        line: 1,
        field: "",
        message:
          'Version 0.1 of community "riverside", approved on 2026-01-10, is added to the archive after its approval, so its text cannot be checked against what was approved.',
        hint: `A reviewer must confirm this is the text approved (git log -p -- ${charter} shows the charter's past texts). This is allowed once, when a community's archive starts; later copies come only with their approval.`,
      },
    ]);
  });
});
