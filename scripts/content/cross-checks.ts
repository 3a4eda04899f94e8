import path from "node:path";
import { displayPath, type ContentFile, type LoadedContent } from "./load-content.ts";
import { formatFieldPath } from "./locate-field.ts";
import { checkApproverList } from "./approvers.ts";
import { checkArchive } from "./archive-checks.ts";
import { problem, type Problem } from "./problems.ts";
import { reportInto, type Report } from "./report-problem.ts";
import { checkPublications } from "./publication-checks.ts";
import { isTimeZone } from "./time-zone.ts";
import { checkVersionHistory } from "./version-history.ts";

/**
 * Rules that span fields or files, which JSON Schema cannot express: every
 * community is complete, names are unique, references resolve, the version
 * history is in order. (Image and link rules are checked where the Markdown is parsed:
 * scripts/model/build-model.ts.)
 */
export function crossCheck(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const report = reportInto(problems);
  const ofType = (name: string) => content.files.filter((f) => f.type.name === name);

  checkSlugs(content, problems);
  checkCommunitiesComplete(content, problems);

  const communities = new Map(ofType("community").map((f) => [f.community!, f]));
  for (const community of communities.values()) {
    for (const f of checkApproverList(community.data.approvers))
      report(community, f.field, f.code, f.message, f.hint);
  }
  for (const site of ofType("site")) {
    const zone = site.data.time_zone;
    if (typeof zone === "string" && !isTimeZone(zone)) {
      report(
        site,
        ["time_zone"],
        "unknown-time-zone",
        `"${zone}" is not a time zone.`,
        "Use a name from the IANA time zone database, such as Europe/London or Europe/Dublin.",
      );
    }
  }
  for (const charter of ofType("charter")) {
    const approvers = communities.get(charter.community!)?.data.approvers;
    const findings = checkVersionHistory(charter.data, {
      ...(Array.isArray(approvers)
        ? { approvers: approvers.filter((a) => typeof a === "string") }
        : {}),
    });
    for (const f of findings) report(charter, f.field, f.code, f.message, f.hint);
  }

  // A problem with a copy as a whole (its folder, its partner file) is at the top of the file.
  checkArchive(content.files, (file, field, code, message, hint) =>
    field.length
      ? report(file, field, code, message, hint)
      : problems.push(
          problem({ code, file: file.path, line: 1, column: 1, field: "", message, hint }),
        ),
  );

  const chapterOrders = new Map<number, ContentFile>();
  const templates = new Set(ofType("template").map((f) => f.slug));
  for (const chapter of ofType("chapter")) {
    const order = chapter.data.order;
    if (typeof order === "number") {
      const other = chapterOrders.get(order);
      if (other) {
        report(
          chapter,
          ["order"],
          "duplicate-order",
          `Chapter order ${order} is also used by ${other.path}.`,
          "Give each chapter its own order number; renumber the chapters after this one.",
        );
      } else chapterOrders.set(order, chapter);
    }
    const related = chapter.data.related_templates;
    if (Array.isArray(related)) {
      related.forEach((slug, index) => {
        if (typeof slug === "string" && !templates.has(slug)) {
          report(
            chapter,
            ["related_templates", index],
            "unknown-template",
            `There is no template "${slug}".`,
            `Use the name of a file in content/templates without .md: ${[...templates].sort().join(", ") || "(none yet)"}.`,
          );
        }
      });
    }
  }

  for (const roadmap of ofType("roadmap")) checkRoadmap(roadmap, report);
  checkPublications(content, report);
  return problems;
}

function checkSlugs(content: LoadedContent, problems: Problem[]) {
  const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const seen = new Map<string, ContentFile>();
  for (const file of content.files) {
    if (!["community", "chapter", "template", "example", "publication"].includes(file.type.name))
      continue;
    const what = file.type.name === "community" ? "folder" : "file";
    if (!slugPattern.test(file.slug)) {
      const suggested = file.slug
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      problems.push(
        problem({
          code: "invalid-slug",
          file: file.path,
          line: 1,
          column: 1,
          field: "",
          message: `The ${what} name "${file.slug}" is used in the page's web address, so it may only have lowercase letters, digits and hyphens.`,
          hint: `Rename the ${what} to ${suggested || "a name such as north-east"}.`,
        }),
      );
    }
    // Web addresses are case-insensitive on some hosts, so names differing only in case collide.
    const key = `${file.type.name}:${file.slug.toLowerCase()}`;
    const other = seen.get(key);
    if (other) {
      problems.push(
        problem({
          code: "duplicate-slug",
          file: file.path,
          line: 1,
          column: 1,
          field: "",
          message: `This ${file.type.name} has the same web address as ${other.path}.`,
          hint: `Rename one of the ${what}s.`,
        }),
      );
    } else seen.set(key, file);
  }
}

function checkCommunitiesComplete(content: LoadedContent, problems: Problem[]) {
  const byCommunity = new Map<string, ContentFile[]>();
  for (const file of content.files) {
    if (file.community)
      byCommunity.set(file.community, [...(byCommunity.get(file.community) ?? []), file]);
  }
  // A file that exists but could not be parsed already has its own problem; "missing" would mislead.
  const present = new Set([...content.unreadable, ...content.files.map((f) => f.relativePath)]);
  const exists = (relativePath: string) => present.has(relativePath);
  const required = [
    ["index.md", "the community's name, sponsor, status and approvers"],
    ["charter.md", "the community's charter"],
    ["ground-rules.md", "the ground rules members agree to"],
  ] as const;
  for (const [slug, files] of [...byCommunity].sort()) {
    for (const [fileName, what] of required) {
      if (exists(`communities/${slug}/${fileName}`)) continue;
      const anchor = files[0]!;
      problems.push(
        problem({
          code: "incomplete-community",
          file: anchor.path,
          line: 1,
          column: 1,
          field: "",
          message: `Community "${slug}" has no ${fileName}, which holds ${what}.`,
          hint: `Add content/communities/${slug}/${fileName}: copy it from another community and edit it.`,
        }),
      );
    }
  }
  if (!exists("site.yaml")) {
    problems.push(
      problem({
        code: "missing-site-settings",
        file: displayPath(path.join(content.contentDir, "site.yaml")),
        line: 1,
        column: 1,
        field: "",
        message: "There are no site settings: every site needs site.yaml in the content folder.",
        hint: "Copy content/site.yaml from the example content and edit it.",
      }),
    );
  }
}

function checkRoadmap(roadmap: ContentFile, report: Report) {
  const { periods, areas, horizons } = roadmap.data as {
    periods?: unknown;
    areas?: unknown;
    horizons?: unknown;
  };
  const periodCount = Array.isArray(periods) ? periods.length : undefined;
  const seenCodes = new Map<string, string>();
  let previousNumber = 0;
  if (Array.isArray(areas)) {
    areas.forEach((area: { number?: unknown; dimensions?: unknown }, a) => {
      if (!area || typeof area !== "object") return;
      if (typeof area.number === "number") {
        if (area.number <= previousNumber) {
          report(
            roadmap,
            ["areas", a, "number"],
            "area-order",
            `Area ${area.number} comes after area ${previousNumber}; areas are numbered in increasing order.`,
            "Number the areas 1, 2, 3 in the order they are listed.",
          );
        }
        previousNumber = area.number;
      }
      if (!Array.isArray(area.dimensions)) return;
      area.dimensions.forEach((dimension: { codes?: unknown }, d) => {
        if (!dimension || !Array.isArray(dimension.codes)) return;
        const codesPath = ["areas", a, "dimensions", d, "codes"];
        if (periodCount !== undefined && dimension.codes.length !== periodCount) {
          report(
            roadmap,
            codesPath,
            "code-count",
            `This row has ${dimension.codes.length} cell codes but the roadmap has ${periodCount} periods.`,
            "Give one code per period, in the order of the periods.",
          );
        }
        dimension.codes.forEach((code: unknown, c: number) => {
          if (typeof code !== "string") return;
          if (typeof area.number === "number" && !code.startsWith(`${area.number}.`)) {
            report(
              roadmap,
              [...codesPath, c],
              "code-area",
              `Cell code ${code} is in area ${area.number}, so it must start with "${area.number}.".`,
              `Write it as ${area.number}.${code.split(".")[1] ?? "01"}, or move the row to its area.`,
            );
          }
          const where = formatFieldPath([...codesPath, c]);
          const other = seenCodes.get(code);
          if (other) {
            report(
              roadmap,
              [...codesPath, c],
              "duplicate-code",
              `Cell code ${code} is also used at ${other}.`,
              "Each cell of the roadmap has its own code.",
            );
          } else seenCodes.set(code, where);
        });
      });
    });
  }
  if (Array.isArray(horizons) && periodCount !== undefined) {
    horizons.forEach((horizon: { first_period?: unknown; last_period?: unknown }, h) => {
      if (!horizon || typeof horizon !== "object") return;
      const { first_period: first, last_period: last } = horizon;
      if (typeof last === "number" && last > periodCount) {
        report(
          roadmap,
          ["horizons", h, "last_period"],
          "horizon-range",
          `last_period is ${last} but the roadmap has only ${periodCount} periods.`,
          `Use a period number from 1 to ${periodCount}.`,
        );
      }
      if (typeof first === "number" && typeof last === "number" && first > last) {
        report(
          roadmap,
          ["horizons", h, "first_period"],
          "horizon-range",
          `first_period ${first} is after last_period ${last}.`,
          "Swap them, or correct one of them.",
        );
      }
    });
  }
}
