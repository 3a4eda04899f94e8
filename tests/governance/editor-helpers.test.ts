import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, riverside, runScript, type TestRepo } from "./test-repo.ts";

const charter = `${riverside}/charter.md`;

let repo: TestRepo;
beforeEach(async () => {
  repo = await createRepo();
});
afterEach(async () => {
  await repo.remove();
});

const approve = (...args: string[]) =>
  runScript("approve", ["--community", "riverside", ...args], { cwd: repo.dir });
const revise = (...args: string[]) =>
  runScript("revise", ["--community", "riverside", ...args], { cwd: repo.dir });

/** The fixture's charter with version 0.2 approved: only these two spots differ. */
const approved = (text: string, date: string, newline = "\n") =>
  text
    .replace(`status: draft${newline}`, `status: approved${newline}`)
    .replace(
      `    approver: Steering group${newline}    reason: Meetings moved online.`,
      `    approver: Steering group${newline}    approval_date: ${date}${newline}    reason: Meetings moved online.`,
    );

describe("npm run approve", () => {
  it("fills only the approval date of the last row and the status, byte for byte", async () => {
    const before = await repo.read(charter);
    const result = await approve("--by", "Steering group", "--date", "2026-05-02");
    expect(result).toEqual({
      code: 0,
      stdout:
        `${charter}: version 0.2 approved by Steering group on 2026-05-02; status is now approved.\n` +
        `${riverside}/versions/0.2/: the approved charter and ground rules, kept for the record.\n`,
      stderr: "",
    });
    const after = await repo.read(charter);
    expect(after).toBe(approved(before, "2026-05-02"));
    expect(after).not.toBe(before);
  });

  it("keeps the approved charter and ground rules in the archive, byte for byte", async () => {
    const rules = await repo.read(`${riverside}/ground-rules.md`);
    expect((await approve("--by", "Steering group", "--date", "2026-05-02")).code).toBe(0);
    expect(await repo.read(`${riverside}/versions/0.2/charter.md`)).toBe(await repo.read(charter));
    expect(await repo.read(`${riverside}/versions/0.2/ground-rules.md`)).toBe(rules);
  });

  it("refuses to approve into a version folder that already exists, changing nothing", async () => {
    await mkdir(path.join(repo.dir, riverside, "versions/0.2"), { recursive: true });
    await repo.write(`${riverside}/versions/0.2/charter.md`, "left behind\n");
    const before = await repo.read(charter);
    const result = await approve("--by", "Steering group", "--date", "2026-05-02");
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `${riverside}/versions/0.2/ already exists, so version 0.2 cannot be approved again into it. ` +
        "A copy in the archive is never replaced: if it is left from an approval that was undone, delete the folder and run this again.\n",
    });
    expect(await repo.read(charter)).toBe(before);
    expect(await repo.read(`${riverside}/versions/0.2/charter.md`)).toBe("left behind\n");
  });

  it("keeps Windows line endings and a byte-order mark", async () => {
    const crlf = "\uFEFF" + (await repo.read(charter)).replace(/\n/g, "\r\n");
    await repo.write(charter, crlf);
    expect((await approve("--by", "Steering group", "--date", "2026-05-02")).code).toBe(0);
    expect(await repo.read(charter)).toBe(approved(crlf, "2026-05-02", "\r\n"));
  });

  it("produces a change the governance check accepts", async () => {
    expect((await approve("--by", "Steering group", "--date", "2026-05-02")).code).toBe(0);
    expect(await runScript("check", ["--base", "main"], { cwd: repo.dir })).toMatchObject({
      code: 0,
    });
  });

  it("refuses an approver the community does not list, suggesting the closest", async () => {
    const before = await repo.read(charter);
    const result = await approve("--by", "Steering grp", "--date", "2026-05-02");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${charter} was not changed:\n` +
        `  "Steering grp" is not one of the community's approvers (Steering group, Members' forum). Did you mean "Steering group"?\n`,
    );
    expect(await repo.read(charter)).toBe(before);
  });

  it("refuses a listed approver other than the one the version awaits", async () => {
    const result = await approve("--by", "Members' forum", "--date", "2026-05-02");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${charter} was not changed:\n` +
        `  Version "0.2" was edited: approver was "Steering group" and is now "Members' forum". The version awaits approval by "Steering group": record that approval, or record a new version for "Members' forum" with npm run revise -- --approver "Members' forum".\n`,
    );
  });

  it("refuses a date in the future", async () => {
    const result = await approve("--by", "Steering group", "--date", "2026-06-02");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${charter} was not changed:\n` +
        "  Approval date 2026-06-02 is in the future (today is 2026-06-01 in Europe/London). Record an approval on or after the day it was given.\n",
    );
  });

  it("refuses a date before the revision", async () => {
    const result = await approve("--by", "Steering group", "--date", "2026-02-28");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${charter} was not changed:\n` +
        "  Approval date 2026-02-28 is before this row's revision date 2026-03-01. A version cannot be approved before it was written: check both dates.\n",
    );
  });

  it("refuses a date not written YYYY-MM-DD, showing how to write it", async () => {
    const result = await approve("--by", "Steering group", "--date", "02/05/2026");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '--date: "02/05/2026" is not a date in YYYY-MM-DD form. Write it as 2026-05-02.\n',
    );
  });

  it("refuses to approve a version twice", async () => {
    expect((await approve("--by", "Steering group", "--date", "2026-05-02")).code).toBe(0);
    const result = await approve("--by", "Steering group", "--date", "2026-05-03");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Version 0.2 was already approved on 2026-05-02 by Steering group\./,
    );
  });

  it("names the community folders when the community is misspelt", async () => {
    const result = await runScript(
      "approve",
      ["--community", "riversde", "--by", "Steering group"],
      { cwd: repo.dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'There is no community "riversde" in content/communities. Did you mean riverside?\n',
    );
  });
});

describe("npm run revise", () => {
  it("adds the next version row, sets the version and puts the status back to draft, byte for byte", async () => {
    expect((await approve("--by", "Steering group", "--date", "2026-05-02")).code).toBe(0);
    const before = await repo.read(charter);
    const result = await revise(
      "--reason",
      "Reworded: meetings are monthly",
      "--by",
      "Coordinator",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${charter}: added version 0.3 (2026-06-01, by Coordinator); status is now draft.\n` +
        "When Steering group has agreed it, record the approval:\n" +
        '  npm run approve -- --community riverside --by "Steering group" --date YYYY-MM-DD\n',
    );
    const expected = before
      .replace('version: "0.2"\nstatus: approved\n', 'version: "0.3"\nstatus: draft\n')
      .replace(
        "    reason: Meetings moved online.\n",
        "    reason: Meetings moved online.\n" +
          '  - version: "0.3"\n    implemented_by: Coordinator\n    revision_date: 2026-06-01\n    approver: Steering group\n    reason: "Reworded: meetings are monthly"\n',
      );
    expect(await repo.read(charter)).toBe(expected);
  });

  it("adds the row after a last row written with folded text and comments, leaving them and the quoting alone", async () => {
    await repo.edit(charter, (t) =>
      t
        .replace(
          "    reason: Meetings moved online.\n",
          "    # Agreed at the March meeting.\n    reason: >-\n      Meetings moved\n      online.\n\n",
        )
        .replace('version: "0.2"\nstatus', "version: '0.2'\nstatus"),
    );
    const before = await repo.read(charter);
    const result = await revise(
      "--reason",
      "Monthly meetings",
      "--by",
      "Coordinator",
      "--date",
      "2026-05-20",
      "--approver",
      "Members' forum",
    );
    expect(result.code).toBe(0);
    expect(await repo.read(charter)).toBe(
      before
        .replace("version: '0.2'\nstatus", "version: '0.3'\nstatus")
        .replace(
          "      online.\n\n",
          '      online.\n  - version: "0.3"\n    implemented_by: Coordinator\n    revision_date: 2026-05-20\n    approver: Members\' forum\n    reason: Monthly meetings\n\n',
        ),
    );
  });

  it("together with a change to the charter, passes the governance check", async () => {
    await repo.edit(charter, (t) => t.replace("four times a year", "every month"));
    expect((await runScript("check", ["--base", "main"], { cwd: repo.dir })).code).toBe(1);
    expect(
      (
        await revise(
          "--reason",
          "Meetings are monthly",
          "--by",
          "Coordinator",
          "--date",
          "2026-05-20",
        )
      ).code,
    ).toBe(0);
    const result = await runScript("check", ["--base", "main"], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${charter}: version 0.2 → 0.3 (draft)\n  charter: section 2 (Meetings) reworded\n`,
    );
  });

  it("refuses a revision dated before the last one", async () => {
    const before = await repo.read(charter);
    const result = await revise(
      "--reason",
      "Late entry",
      "--by",
      "Coordinator",
      "--date",
      "2026-02-01",
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${charter} was not changed:\n` +
        "  Revision date 2026-02-01 is before the previous row's revision date 2026-03-01. Rows are in the order the revisions were made: check this date and the row order.\n",
    );
    expect(await repo.read(charter)).toBe(before);
  });

  it("refuses a revision dated after today, with the rule the check applies", async () => {
    const before = await repo.read(charter);
    const result = await revise("--reason", "Early", "--by", "Coordinator", "--date", "2099-12-31");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${charter} was not changed:\n` +
        "  Revision date 2099-12-31 is in the future (today is 2026-06-01 in Europe/London). Date a revision on the day it is made; a date in the future would leave no date for the next revision.\n",
    );
    expect(await repo.read(charter)).toBe(before);
  });

  it("refuses to run without a reason", async () => {
    const result = await revise("--by", "Coordinator");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--reason is required\.\nUsage: npm run revise/);
  });
});
