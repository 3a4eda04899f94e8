import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeFor } from "../../scripts/content/content-types.ts";
import { FrontMatterEditor } from "../../scripts/governance/edit-front-matter.ts";
import {
  readEntry,
  sourceKey,
  unreadableKey,
  writeEntry,
  UnreadableEntryError,
} from "../../scripts/cms/entry-format.ts";
import { alignLists, patchYaml } from "../../scripts/cms/patch-yaml.ts";

type Data = Record<string, unknown>;

/** What the form gives back: the data read, with `change` applied to a copy. */
const edited = (
  raw: string,
  change: (data: Data) => void,
  format: "markdown" | "yaml" = "markdown",
) => {
  const data = structuredClone(readEntry(raw, format));
  change(data);
  return writeEntry(data, format);
};

async function contentFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (entry.isDirectory())
      files.push(...(await contentFiles(path.join(dir, entry.name), `${relative}/`)));
    else if (contentTypeFor(relative)) files.push(relative);
  }
  return files;
}

const charter = `---
# The charter's front matter. Versions are quoted.
title: Community Charter
version: '0.2'
status: draft
review_by: 2027-03-31
version_history:
  - version: "0.1"
    implemented_by: External facilitator
    revision_date: 2026-03-17
    approver: Steering group
    approval_date: 2026-04-21
    reason: >-
      Drafted at the first meeting from the national template
      and agreed by members at the next.
  - version: "0.2"
    implemented_by: Co-chairs
    revision_date: 2026-10-06
    approver: Steering group
    reason: Meeting schedule updated.   # after the review
goals:
  - Build engagement across the region.
  - Build a sense of community.
  - Reinforce the value of lived experience.
roles:
  - role: Co-chair
    held_by: Members
    responsibilities: Chair the sessions.
stakeholders:
  - stakeholder: Public
    representatives: [Members, Co-chairs]
approval_statement: Agreed by the members.
---

## Purpose

The community meets each quarter.
`;

describe("the content editor's file format", () => {
  it("writes every example content file back byte for byte when nothing was changed", async () => {
    const root = path.resolve("content");
    const files = await contentFiles(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const raw = await readFile(path.join(root, file), "utf8");
      const format = contentTypeFor(file)!.format;
      expect(writeEntry(structuredClone(readEntry(raw, format)), format), file).toBe(raw);
    }
  });

  it("keeps the file's text with the entry and reads the body without the blank line after the front matter", () => {
    const data = readEntry(charter, "markdown");
    expect(data[sourceKey]).toBe(charter);
    expect(data.body).toBe("## Purpose\n\nThe community meets each quarter.\n");
    expect(data.version).toBe("0.2");
    expect(data.review_by).toBe("2027-03-31");
  });

  it("changes only the line of an edited sentence", () => {
    const after = edited(charter, (data) => {
      (data.goals as string[])[1] = "Build a sense of community and support.";
    });
    expect(after).toBe(
      charter.replace(
        "  - Build a sense of community.\n",
        "  - Build a sense of community and support.\n",
      ),
    );
  });

  it("adds a version row exactly as npm run revise does", () => {
    const row = {
      version: "0.3",
      implemented_by: "Member support",
      revision_date: "2026-11-23",
      approver: "Steering group",
      reason: "Reworded goal 2 after member feedback.",
    };
    const after = edited(charter, (data) => {
      (data.version_history as Data[]).push(row);
      data.version = "0.3";
    });
    const revise = new FrontMatterEditor(charter, "charter.md")
      .appendRow(
        "version_history",
        Object.entries(row).map(([key, value]) => [key, { value, quoted: key === "version" }]),
      )
      .setField("version", { value: "0.3", quoted: true })
      .toString();
    expect(after).toBe(revise);
  });

  it("keeps the quoting and folding of a value it rewrites", () => {
    const after = edited(charter, (data) => {
      data.version = "0.3";
      (data.version_history as Data[])[0]!.reason = "Drafted at the first meeting.";
    });
    expect(after).toContain("version: '0.3'\n");
    expect(after).toContain("    reason: >-\n      Drafted at the first meeting.\n  - version");
  });

  it("keeps the comment after a value whose neighbour changed", () => {
    const after = edited(charter, (data) => {
      (data.version_history as Data[])[1]!.implemented_by = "Member support";
    });
    expect(after).toBe(
      charter.replace("    implemented_by: Co-chairs\n", "    implemented_by: Member support\n"),
    );
    expect(after).toContain("reason: Meeting schedule updated.   # after the review\n");
  });

  it("inserts and removes list items without touching the others", () => {
    const inserted = edited(charter, (data) => {
      (data.goals as string[]).splice(1, 0, "Share what works.");
    });
    expect(inserted).toBe(
      charter.replace(
        "  - Build a sense of community.\n",
        "  - Share what works.\n  - Build a sense of community.\n",
      ),
    );
    const removed = edited(charter, (data) => {
      (data.goals as string[]).splice(0, 1);
    });
    expect(removed).toBe(charter.replace("  - Build engagement across the region.\n", ""));
  });

  it("places a new optional field where the form lists it, and drops a field the form emptied", () => {
    const added = writeEntry(
      { ...structuredClone(readEntry(charter, "markdown")), assumptions: ["Members have time."] },
      "markdown",
      [
        "title",
        "version",
        "status",
        "review_by",
        "version_history",
        "goals",
        "benefits",
        "assumptions",
        "constraints",
        "risks",
        "roles",
      ],
    );
    expect(added).toBe(
      charter.replace(
        "  - Reinforce the value of lived experience.\n",
        "  - Reinforce the value of lived experience.\nassumptions:\n  - Members have time.\n",
      ),
    );
    const emptied = edited(charter, (data) => {
      data.assumptions = [];
      data.benefits = { individual: [""] };
      data.approval_statement = "";
    });
    expect(emptied).toBe(charter.replace("approval_statement: Agreed by the members.\n", ""));
  });

  it("rewrites a flow list in flow style", () => {
    const after = edited(charter, (data) => {
      (data.stakeholders as Data[])[0]!.representatives = ["Members"];
    });
    expect(after).toContain("    representatives: [ Members ]\n");
  });

  it("edits only the body when only the text changed", () => {
    const after = edited(charter, (data) => {
      data.body = "## Purpose\n\nThe community meets each month.\n";
    });
    expect(after).toBe(charter.replace("each quarter", "each month"));
  });

  it("keeps Windows line endings and a byte-order mark", () => {
    const crlf = "\uFEFF" + charter.replace(/\n/g, "\r\n");
    const after = edited(crlf, (data) => {
      data.status = "approved";
    });
    expect(after).toBe(crlf.replace("status: draft\r\n", "status: approved\r\n"));
  });

  it("edits a YAML file the same way, comments and all", () => {
    const site = "# Settings\ntitle: Guide # the name\nlocale: en-GB\n";
    expect(edited(site, (data) => void (data.locale = "en-IE"), "yaml")).toBe(
      "# Settings\ntitle: Guide # the name\nlocale: en-IE\n",
    );
  });

  it("refuses to write over a file it could not read", () => {
    const data = readEntry("---\ntitle: [unclosed\n---\n", "markdown");
    expect(data[unreadableKey]).toMatch(/^its YAML could not be read/);
    expect(() => writeEntry(data, "markdown")).toThrow(UnreadableEntryError);
  });

  it("writes a new file in the project's style", () => {
    expect(writeEntry({ title: "Reflective practice", order: 3, body: "Text." }, "markdown")).toBe(
      "---\ntitle: Reflective practice\norder: 3\n---\n\nText.\n",
    );
  });
});

describe("patching YAML", () => {
  it("writes a value into an empty field and a list where there was none", () => {
    expect(patchYaml("a: 1\nb:\nc: 3\n", { a: 1, b: "x", c: [1, 2] })).toBe(
      "a: 1\nb: x\nc:\n  - 1\n  - 2\n",
    );
  });

  it("writes multi-line text as a literal block under its key", () => {
    expect(patchYaml("list:\n  - one\n", { list: ["two\nlines"] })).toBe(
      "list:\n  - |-\n    two\n    lines\n",
    );
  });

  it("removes the first field of a list item and keeps the item", () => {
    expect(patchYaml("rows:\n  - a: 1\n    b: 2\n", { rows: [{ b: 2 }] })).toBe(
      "rows:\n  - b: 2\n",
    );
  });

  it("lines up lists by their common items", () => {
    expect(alignLists(["a", "b", "c"], ["a", "x", "c", "d"]).map((s) => s.kind)).toEqual([
      "keep",
      "change",
      "keep",
      "add",
    ]);
    expect(alignLists(["a", "b"], ["b"]).map((s) => s.kind)).toEqual(["remove", "keep"]);
  });
});
