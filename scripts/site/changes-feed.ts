import { createHash } from "node:crypto";
import type { UserConfig } from "@11ty/eleventy";
import { siteTimeZone } from "../content/time-zone.ts";
import { formatDate } from "../model/format-date.ts";
import { liveAddress } from "../model/live-address.ts";
import type { CommunityDocument, SiteModel } from "../model/site-model.ts";

/** Where the feed is published; every page links to it with <link rel="alternate">. */
export const feedPath = "/feed.xml";
/** The most entries the feed holds, newest first: feed readers keep what they have seen. */
const maxEntries = 100;

/** One change to a charter the feed announces. */
interface FeedEntry {
  id: string;
  title: string;
  /** YYYY-MM-DD, in the site's time zone. */
  date: string;
  /** A path of the site, such as /communities/x/charter/0.2/. */
  path: string;
  summary: string;
  /** Each change in words, as the governance check lists them. */
  changes: string[];
  changesPath?: string;
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1), so an entry keeps its id from build to build
 * when the site has no public address to build ids from.
 */
export function nameUuid(name: string): string {
  const hash = createHash("sha1").update(`charterbook:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Midnight of a YYYY-MM-DD date in a time zone, as an RFC 3339 date-time: 2026-04-21T00:00:00+01:00. */
export function midnightIn(date: string, timeZone: string): string {
  const offset =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(new Date(`${date}T00:00:00Z`))
      .find((part) => part.type === "timeZoneName")
      ?.value.replace(/^GMT/, "") || "+00:00";
  return `${date}T00:00:00${offset === "Z" ? "+00:00" : offset}`;
}

/** The approvals and the proposal awaiting approval of one community's charter. */
function entriesOf(community: CommunityDocument, model: SiteModel): FeedEntry[] {
  const charter = community.charter!;
  const show = (iso: string) => formatDate(iso, model.site.locale, model.site.date_style);
  const rows = charter.data.version_history;
  const entries: FeedEntry[] = [];
  for (const row of rows) {
    const published = charter.version(row.version);
    const proposed = !row.approval_date;
    if (proposed && (row !== rows.at(-1) || !charter.draft)) continue;
    const event = proposed ? "proposed" : "approved";
    const changes = published?.changes;
    entries.push({
      id: `${community.slug}/charter/${row.version}#${event}`,
      title: `${community.shortName}: charter version ${row.version} ${event}`,
      date: row.approval_date ?? row.revision_date,
      path: published?.url ?? charter.url,
      summary: proposed
        ? `Version ${row.version} of the ${community.title}'s charter and ground rules was proposed by ${row.implemented_by} on ${show(row.revision_date)}, for approval by ${row.approver}. ${row.reason}`
        : `Version ${row.version} of the ${community.title}'s charter and ground rules was approved on ${show(row.approval_date!)} by ${row.approver}. ${row.reason}`,
      changes: changes
        ? [
            ...changes.charterSummary.map((change) => `Charter: ${change}`),
            ...changes.groundRulesSummary.map((change) => `Ground rules: ${change}`),
          ]
        : [],
      ...(published?.changesUrl ? { changesPath: published.changesUrl } : {}),
    });
  }
  return entries;
}

/**
 * The Atom feed (RFC 4287) of approved and proposed versions of every community's charter,
 * newest first. With site.yaml's url, links and ids are absolute; without it, links are
 * relative to the feed's own address (which feed readers resolve) and ids are name-based UUIDs.
 */
export function changesFeed(model: SiteModel): string {
  const { site } = model;
  const timeZone = siteTimeZone(site as unknown as Record<string, unknown>);
  const href = (path: string) => liveAddress(site, path) ?? path.replace(/^\//, "");
  const entries = model.communities
    .filter((community) => community.charter)
    .flatMap((community) => entriesOf(community, model))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .slice(0, maxEntries);
  const updated = entries[0]?.date ?? site.accessibility.reviewed_on;
  const idOf = (name: string) =>
    site.url ? `${liveAddress(site, "/")}${name}` : nameUuid(`${site.organisation.name} ${name}`);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.locale)}">`,
    `  <title>${escapeXml(`Charter changes: ${site.title}`)}</title>`,
    `  <subtitle>New and proposed versions of every community's charter and ground rules.</subtitle>`,
    `  <id>${escapeXml(idOf(feedPath.slice(1)))}</id>`,
    `  <updated>${midnightIn(updated, timeZone)}</updated>`,
    `  <author><name>${escapeXml(site.organisation.name)}</name></author>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(site.url ? liveAddress(site, "/")! : "./")}"/>`,
    ...(site.url
      ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(href(feedPath))}"/>`]
      : []),
    ...entries.flatMap((entry) => {
      const content = [
        `<p>${escapeXml(entry.summary)}</p>`,
        ...(entry.changes.length
          ? [`<ul>${entry.changes.map((change) => `<li>${escapeXml(change)}</li>`).join("")}</ul>`]
          : []),
        ...(entry.changesPath
          ? [
              `<p><a href="${escapeXml(href(entry.changesPath))}">Every change, word by word</a></p>`,
            ]
          : []),
      ].join("");
      return [
        "  <entry>",
        `    <id>${escapeXml(site.url ? `${liveAddress(site, "/")}communities/${entry.id}` : nameUuid(`${site.organisation.name} ${entry.id}`))}</id>`,
        `    <title>${escapeXml(entry.title)}</title>`,
        `    <updated>${midnightIn(entry.date, timeZone)}</updated>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(href(entry.path))}"/>`,
        `    <summary>${escapeXml(entry.summary)}</summary>`,
        `    <content type="html">${escapeXml(content)}</content>`,
        "  </entry>",
      ];
    }),
    "</feed>",
    "",
  ];
  return lines.join("\n");
}

/** Publishes the feed at /feed.xml, built from the model like every page. */
export function addChangesFeed(config: UserConfig): void {
  config.addTemplate("charterbook/feed.njk", "{{ feedXml | safe }}", {
    permalink: feedPath,
    eleventyExcludeFromCollections: true,
    eleventyComputed: {
      feedXml: (data: { charterbook: SiteModel }) => changesFeed(data.charterbook),
    },
  });
}
