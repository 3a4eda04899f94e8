import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../scripts/content/load-content.ts";
import { splitFrontMatter } from "../../scripts/content/front-matter.ts";
import { parseYamlDocument, readPlainYaml } from "../../scripts/content/parse-yaml.ts";
import type { Problem } from "../../scripts/content/problems.ts";
import { validateFiles } from "../../scripts/content/validate-content.ts";
import { baseTree } from "./validate-fixture-tree.ts";

/**
 * Property-based tests of validation against hostile and broken files: whatever the bytes,
 * validation returns problems (it never throws, never hangs), and every problem points at a
 * file that exists and a line within it, so an editor can always find what to fix.
 */

function readTree(dir: string, prefix = ""): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const relativePath = prefix ? `${prefix}/${name}` : name;
    const absolute = path.join(dir, name);
    return statSync(absolute).isDirectory()
      ? readTree(absolute, relativePath)
      : [{ relativePath, bytes: new Uint8Array(readFileSync(absolute)) }];
  });
}

const base = readTree(baseTree);
const textFiles = base.filter((f) => /\.(md|yaml)$/.test(f.relativePath));
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const utf8 = (text: string) => encoder.encode(text);

/** Every field name the base tree uses, so generated documents hit the schemas' real paths. */
const realKeys = [
  ...new Set(
    textFiles.flatMap((f) =>
      [...decoder.decode(f.bytes).matchAll(/^\s*-?\s*([a-z_]+):/gm)].map((m) => m[1]!),
    ),
  ),
];

const aliasBomb = (width: number, depth: number) =>
  [`l0: &a0 [${Array(width).fill('"lol"').join(", ")}]`]
    .concat(
      Array.from(
        { length: depth },
        (_, i) => `l${i + 1}: &a${i + 1} [${Array(width).fill(`*a${i}`).join(", ")}]`,
      ),
    )
    .join("\n");

/** Bytes no UTF-8 text contains, alone or as broken sequences. */
const badBytes = fc.constantFrom(
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0x80],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
);

const insertAt = (bytes: Uint8Array, at: number, extra: Uint8Array) => {
  const index = Math.min(at, bytes.length);
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, index));
  out.set(extra, index);
  out.set(bytes.subarray(index), index + extra.length);
  return out;
};

const mapText = (f: (text: string) => string) => (bytes: Uint8Array) =>
  utf8(f(decoder.decode(bytes)));

type Mutation = { name: string; apply: (bytes: Uint8Array) => Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({ at: fc.nat(3000), text: fc.string({ unit: "grapheme", maxLength: 40 }) })
    .map(({ at, text }) => ({
      name: `insert text ${JSON.stringify(text)} at ${at}`,
      apply: (b: Uint8Array) => insertAt(b, at, utf8(text)),
    })),
  fc.record({ at: fc.nat(3000), bytes: fc.uint8Array({ maxLength: 12 }) }).map(({ at, bytes }) => ({
    name: `insert bytes ${[...bytes]} at ${at}`,
    apply: (b: Uint8Array) => insertAt(b, at, bytes),
  })),
  fc.record({ at: fc.nat(3000), bytes: badBytes }).map(({ at, bytes }) => ({
    name: `insert non-UTF-8 ${bytes} at ${at}`,
    apply: (b: Uint8Array) => insertAt(b, at, new Uint8Array(bytes)),
  })),
  fc.record({ from: fc.nat(3000), length: fc.nat(200) }).map(({ from, length }) => ({
    name: `delete ${length} bytes at ${from}`,
    apply: (b: Uint8Array) =>
      new Uint8Array([...b.subarray(0, from), ...b.subarray(from + length)]),
  })),
  fc
    .nat(3000)
    .map((at) => ({ name: `truncate at ${at}`, apply: (b: Uint8Array) => b.subarray(0, at) })),
  fc.nat(60).map((line) => ({
    name: `indent line ${line} with a tab`,
    apply: mapText((t) =>
      t
        .split("\n")
        .map((l, i) => (i === line ? `\t${l.trimStart()}` : l))
        .join("\n"),
    ),
  })),
  fc.nat(60).map((line) => ({
    name: `repeat line ${line}`,
    apply: mapText((t) =>
      t
        .split("\n")
        .flatMap((l, i) => (i === line ? [l, l] : [l]))
        .join("\n"),
    ),
  })),
  fc.constant({
    name: "byte-order mark",
    apply: (b: Uint8Array) => insertAt(b, 0, new Uint8Array([0xef, 0xbb, 0xbf])),
  }),
  fc.constant({ name: "CRLF line endings", apply: mapText((t) => t.replace(/\n/g, "\r\n")) }),
  fc.constant({ name: "CR line endings", apply: mapText((t) => t.replace(/\n/g, "\r")) }),
  fc
    .constantFrom("---js", "--- js", "---javascript", "---json", "---JS ", "---coffee", "----")
    .map((fence) => ({
      name: `opening fence ${fence}`,
      apply: mapText((t) => t.replace(/^---/, fence)),
    })),
  fc
    .record({
      key: fc.constantFrom(...realKeys, "x"),
      size: fc.integer({ min: 1_000, max: 100_000 }),
    })
    .map(({ key, size }) => ({
      name: `huge string of ${size} in ${key}`,
      apply: mapText((t) => t.replace(/^---\n/, `---\n${key}: "${"é".repeat(size)}"\n`)),
    })),
  fc
    .record({
      key: fc.constantFrom(...realKeys),
      depth: fc.integer({ min: 1, max: 1500 }),
      map: fc.boolean(),
    })
    .map(({ key, depth, map }) => ({
      name: `${map ? "mapping" : "list"} nested ${depth} deep in ${key}`,
      apply: mapText((t) =>
        t.replace(
          /^---\n/,
          `---\n${key}: ${map ? "{a: ".repeat(depth) + "1" + "}".repeat(depth) : "[".repeat(depth) + "]".repeat(depth)}\n`,
        ),
      ),
    })),
  fc
    .record({ width: fc.integer({ min: 2, max: 12 }), depth: fc.integer({ min: 1, max: 12 }) })
    .map(({ width, depth }) => ({
      name: `aliases ${width} wide and ${depth} deep`,
      apply: mapText((t) => t.replace(/^---\n/, `---\n${aliasBomb(width, depth)}\n`)),
    })),
);

/** A front-matter document of random fields, mixing real names with random ones, as YAML. */
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("2021-11-16", "16/11/21", "0.4", "yes", "~", "*alias", "&anchor x", "[", "{"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...realKeys), fc.string({ maxLength: 8 })),
      tie("value"),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

const randomDocument = fc
  .dictionary(fc.oneof(fc.constantFrom(...realKeys), fc.string({ maxLength: 12 })), value, {
    maxKeys: 10,
  })
  .map((data) => stringify(data, { aliasDuplicateObjects: false }));

function check(files: SourceFile[]): void {
  const result = validateFiles(files);
  const lineCounts = new Map(
    files.map((f) => [
      `content/${f.relativePath}`,
      decoder.decode(f.bytes).split(/\r\n?|\n/).length,
    ]),
  );
  lineCounts.set("content/site.yaml", Math.max(lineCounts.get("content/site.yaml") ?? 1, 1));
  const faults: string[] = [];
  for (const p of result.problems as Problem[]) {
    const where = `${p.file}:${p.line}:${p.column} ${p.code}`;
    const lines = lineCounts.get(p.file);
    if (lines === undefined) faults.push(`${where} names a file that does not exist`);
    if (!Number.isInteger(p.line) || p.line < 1) faults.push(`${where} has no line`);
    if (lines !== undefined && p.line > lines) faults.push(`${where} is past the end of the file`);
    if (!Number.isInteger(p.column) || p.column < 1) faults.push(`${where} has no column`);
    if (!p.code || !p.message) faults.push(`${where} has no message`);
    if (/\n\s+at |undefined|\[object Object\]/.test(`${p.message} ${p.hint ?? ""}`)) {
      faults.push(`${where} leaks internals: ${p.message} ${p.hint ?? ""}`);
    }
  }
  // One assertion per run: expect() in the loop would dominate the time of thousands of runs.
  expect(faults).toEqual([]);
}

const withFile = (relativePath: string, bytes: Uint8Array) =>
  base.map((f) => (f.relativePath === relativePath ? { relativePath, bytes } : f));

describe("validation under fuzzed content", () => {
  it("never throws and always points at a file and line, for thousands of mutated files", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...textFiles),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (file, mutations) => {
          const bytes = mutations.reduce((b, m) => m.apply(b), file.bytes);
          check(withFile(file.relativePath, bytes));
        },
      ),
      { numRuns: 1200 },
    );
  });

  it("never throws on thousands of random front-matter documents of any shape", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...textFiles),
        randomDocument,
        fc.constantFrom("\n", "\r\n"),
        (file, yaml, newline) => {
          const text = file.relativePath.endsWith(".yaml") ? yaml : `---\n${yaml}---\n\nBody.\n`;
          check(withFile(file.relativePath, utf8(text.replace(/\n/g, newline))));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it(
    "stops a billion-laughs document with a clear problem at its first alias",
    { timeout: 5_000 },
    () => {
      const bomb = `---\ntitle: Ground rules\n${aliasBomb(10, 9)}\nrules: [x]\nagreement: I agree.\n---\n`;
      const result = validateFiles(withFile("communities/pilot/ground-rules.md", utf8(bomb)));
      expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
        "content/communities/pilot/ground-rules.md:4:10 yaml-alias-limit",
      ]);
      expect(result.problems[0]!.message).toBe(
        "The YAML's * aliases would expand to too much data (excessive alias count indicates a resource exhaustion attack).",
      );
    },
  );

  it("reports YAML nested thousands deep as too deep, not as a crash", () => {
    const deep = `---\ntitle: ${"[".repeat(5000)}${"]".repeat(5000)}\nrules: [x]\nagreement: I agree.\n---\n`;
    const result = validateFiles(withFile("communities/pilot/ground-rules.md", utf8(deep)));
    expect(result.problems.map((p) => p.code)).toEqual(["yaml-too-deep"]);
    expect(result.problems[0]!.message).toMatch(/^The YAML is nested too deeply to read/);
  });

  it("keeps a file just under 2 MB and refuses one just over", () => {
    const padded = (size: number) => {
      const head = decoder.decode(
        base.find((f) => f.relativePath === "guide/first-steps.md")!.bytes,
      );
      return utf8(head + "x".repeat(size - utf8(head).length));
    };
    const under = validateFiles(withFile("guide/first-steps.md", padded(2 * 1024 * 1024)));
    expect(under.problems.map((p) => p.code)).toEqual([]);
    const over = validateFiles(withFile("guide/first-steps.md", padded(2 * 1024 * 1024 + 1)));
    expect(over.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      "content/guide/first-steps.md:1:1 file-too-large",
    ]);
  });
});

/** Scalars on which YAML parsers are known to differ: numbers, nulls, booleans, dates, keys. */
const trickyScalar = fc.constantFrom(
  "1_000",
  "0o17",
  "017",
  "0x1F",
  "0b101",
  "+12",
  ".inf",
  "-.Inf",
  ".NaN",
  "1e3",
  "1.",
  ".5",
  "~",
  "null",
  "Null",
  "NULL",
  "true",
  "True",
  "yes",
  "No",
  "on",
  "2021-11-16",
  "12:30",
  "2001-12-14t21:59:43.10-05:00",
  "'quoted'",
  '"a\\tb"',
  '"\\u00e9"',
  "a: b",
  "- x",
  "<<",
  "!!str 1",
  "!!int 1",
  "!custom x",
  "&a x",
  "*a",
  "|\n  block\n",
  ">\n  folded\n",
  "[a, b]",
  "{a: 1}",
  "? complex\n: key",
  "\ttab",
  "# comment",
  "x # comment",
  "'it''s'",
  "é",
  "",
);

const differentialDocument = fc.oneof(
  randomDocument,
  fc
    .array(fc.tuple(fc.constantFrom(...realKeys, "<<", "a", "1"), trickyScalar), { maxLength: 6 })
    .map((pairs) => pairs.map(([key, value]) => `${key}: ${value}\n`).join("")),
  fc
    .tuple(fc.constantFrom(...realKeys), fc.constantFrom("", "  "), trickyScalar)
    .map(([key, indent, value]) => `${key}:\n${indent}- a\n${indent}- b: ${value}\n`),
  fc
    .tuple(fc.constantFrom(...textFiles), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([file, mutations]) => {
      const text = decoder.decode(mutations.reduce((b, m) => m.apply(b), file.bytes));
      const split = splitFrontMatter(text);
      return "split" in split ? split.split.yaml : text;
    }),
);

describe("the fast YAML reader", () => {
  it("reads data only where the YAML package reads the same data without a problem", () => {
    fc.assert(
      fc.property(differentialDocument, (yaml) => {
        const fast = readPlainYaml(yaml);
        if (fast === undefined || !("data" in fast)) return;
        const doc = parseYamlDocument(yaml);
        expect([...doc.errors, ...doc.warnings].map((e) => e.message)).toEqual([]);
        expect(fast.data).toEqual(doc.toJS());
      }),
      { numRuns: 3000 },
    );
  });
});
