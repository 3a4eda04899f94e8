/**
 * What the content editor does differently for the governed documents: a charter, its ground
 * rules and its community's governed fields (approvers, name, sponsor) change only with a new
 * version of the charter, so their forms ask who makes the change and why, and the charter's
 * version, status and history are written by the editor on save (scripts/cms/revise-on-save.ts),
 * never typed.
 */
import type { ContentTypeName } from "../content/content-types.ts";
import type { CmsField } from "./cms-fields.ts";

/** The form's group for the new version's row; never written to a file. */
export const revisionFieldName = "_revision";
/** The approval form's group; never written to a file. */
export const approvalFieldName = "_approval";
/** The widget that shows a value the editor writes for you. */
export const readOnlyWidget = "charterbook-readonly";

/** The content types whose changes need a new version of the charter, and how their form says so. */
export const governance: Partial<
  Record<ContentTypeName, { revisionRequired: boolean; revisionHint: string }>
> = {
  charter: {
    revisionRequired: true,
    revisionHint:
      "Every change to the charter is a new version. When you save, the next version is added to the version history with your role, today's date and your reason, and the charter goes back to draft until an approver agrees it.",
  },
  "ground-rules": {
    revisionRequired: true,
    revisionHint:
      "The ground rules are part of the charter: a change to them is a new version of the charter. When you save, the next version is added to the charter's version history with your role, today's date and your reason, and the charter goes back to draft.",
  },
  community: {
    revisionRequired: false,
    revisionHint:
      "Fill this in only when you change the community's name, sponsor or approvers: these are part of the charter, so the change is a new version of it, added to the charter's version history when you save.",
  },
};

/** Fields the editor writes on save: shown, never typed. */
const managed: Partial<Record<ContentTypeName, readonly string[]>> = {
  charter: ["version", "status", "version_history"],
};

/** A field as the form shows it: unchanged, or read-only when the editor writes it. */
export function managedField(type: ContentTypeName, field: CmsField): CmsField {
  if (!managed[type]?.includes(field.name)) return field;
  return { ...field, widget: readOnlyWidget };
}
