import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contentTypes } from "../../scripts/content/content-types.ts";
import { formatProblems } from "../../scripts/content/problems.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";

const exampleContent = fileURLToPath(new URL("../../content/", import.meta.url));

describe("the example content", () => {
  it("is accepted by every schema and every rule across files", async () => {
    const result = await validateContent(exampleContent);
    expect(formatProblems(result.problems)).toBe("");
    expect(result.unreadable).toEqual([]);
    expect(result.files.length).toBe(result.filesChecked);
  });

  it("has at least one file of every content type, so every schema is exercised", async () => {
    const result = await validateContent(exampleContent);
    const present = new Set(result.files.map((file) => file.type.name));
    expect(contentTypes.map((type) => type.name).filter((name) => !present.has(name))).toEqual([]);
  });

  it("has the two example communities, each with its index, charter and ground rules", async () => {
    const result = await validateContent(exampleContent);
    const files = result.files.filter((f) => f.community).map((f) => f.relativePath);
    for (const slug of ["advanced-mental-health", "north-east"]) {
      for (const name of ["index.md", "charter.md", "ground-rules.md"]) {
        expect(files).toContain(`communities/${slug}/${name}`);
      }
    }
  });
});
