/**
 * Types of each content type's data, generated from `schemas/` by `npm run generate`.
 * Do not edit: change the schema and run the generator (`npm test` fails when this file is stale).
 */

/**
 * Settings for the whole site and every PDF: who publishes it, how to reach them, the language, how dates are shown and the paper size. Lives in content/site.yaml.
 */
export interface Site {
  /**
   * The site's name, shown in the header of every page and on the cover of every PDF.
   */
  title: string;
  /**
   * One sentence that says what the site is for, shown on the home page and to search engines.
   */
  description?: string;
  /**
   * The site's public address, starting with https:// and including any base path, such as https://communities.example.org/ or https://owner.github.io/charterbook/. When set, every page names its full address for links shared on social media and messaging apps (Open Graph og:url) and for search engines (canonical link), the PDFs print each version's address with a QR code, and the changes feed links to it. Leave it out while the site has no public address.
   */
  url?: string;
  /**
   * The organisation that publishes the site.
   */
  organisation: {
    /**
     * The organisation's full name, such as National Office of Engagement and Recovery.
     */
    name: string;
    /**
     * A short form of the name, used where space is tight, such as NOER.
     */
    short_name?: string;
    /**
     * The organisation's own website, starting with https://.
     */
    url?: string;
  };
  /**
   * Who readers contact about the site and its documents.
   */
  contact: {
    /**
     * The role or team to contact, such as Member support.
     */
    role: string;
    /**
     * Email address for this role.
     */
    email?: string;
    /**
     * Telephone number for this role, digits and spaces, such as +353 1 234 5678.
     */
    phone?: string;
  };
  /**
   * The language and region of the content, used for the page language and for dates: en-GB or en-IE.
   */
  locale: "en-GB" | "en-IE";
  /**
   * The time zone the communities date their revisions and approvals in, as a name from the IANA time zone database, such as Europe/London. The governance check and the editor's helpers refuse a date after today there. Default: Europe/London for en-GB, Europe/Dublin for en-IE.
   */
  time_zone?: string;
  /**
   * How dates are shown: long is 16 November 2021, medium is 16 Nov 2021, short is 16/11/2021.
   */
  date_style: "long" | "medium" | "short";
  /**
   * The paper size of the PDFs: A4, or Letter for US paper. The build's --paper flag overrides it.
   */
  paper_size: "A4" | "Letter";
  /**
   * The organisation's logo, a file in this repository, shown in the header and on PDF covers.
   */
  logo?: string;
  /**
   * Facts for the accessibility statement page that public-sector sites must publish.
   */
  accessibility: {
    /**
     * How far the site meets WCAG 2.2 AA: full, partial or none.
     */
    compliance: "full" | "partial" | "none";
    /**
     * Parts of the site that are not yet accessible, each in one sentence with when it will be fixed.
     *
     * Items: Plain text, one line or a short paragraph.
     */
    known_issues?: string[];
    /**
     * The date the accessibility statement was first prepared, YYYY-MM-DD.
     */
    prepared_on: string;
    /**
     * The date the statement was last reviewed, YYYY-MM-DD.
     */
    reviewed_on: string;
    /**
     * The date the site was last tested against WCAG 2.2 AA, YYYY-MM-DD. The statement gives it, as the EU model accessibility statement and the UK regulations ask; leave it out only until the site is first tested.
     */
    tested_on?: string;
    /**
     * Who to contact about an accessibility problem or to ask for a document in another format.
     */
    feedback_contact: {
      /**
       * The role or team to contact, such as Member support.
       */
      role: string;
      /**
       * Email address for this role.
       */
      email?: string;
      /**
       * Telephone number for this role, digits and spaces, such as +353 1 234 5678.
       */
      phone?: string;
    };
    /**
     * Anything to add to the enforcement procedure, such as the name and address of your organisation's Inquiry Officer. The statement already names the route for the locale: for en-IE the EU Web Accessibility Directive as S.I. No. 358/2020, the National Disability Authority and complaints to the Ombudsman; for en-GB the 2018 accessibility regulations, the EHRC and the EASS.
     */
    enforcement?: string;
  };
  /**
   * The publications every community's printed guide binds after its charter and ground rules, in this order, by file name in content/publications without .md, such as guide. A community can choose its own. Default: every chapter, the appendices, and the templates that are in no publication.
   *
   * @minItems 1
   * @maxItems 10
   *
   * Items: A short identifier of lowercase letters, digits and hyphens, such as terms-of-reference.
   */
  guide_publications?: string[];
}

/**
 * One community of practice: its names, sponsor, status, who may approve its charter and how to reach it. Lives in content/communities/<slug>/index.md; the Markdown below the front matter introduces the community.
 */
export interface Community {
  /**
   * The community's full name, such as Advanced Mental Health Community of Practice.
   */
  name: string;
  /**
   * A short name of at most 24 characters, used in navigation and PDF headers, such as AMHCOP.
   */
  short_name: string;
  /**
   * One sentence about the community, shown on the home page.
   */
  summary?: string;
  /**
   * The body that funds or champions the community, such as National Advancing Practice team.
   */
  sponsor: string;
  /**
   * Where the community is in its life: pilot, active or retired.
   */
  status: "pilot" | "active" | "retired";
  /**
   * The region the community serves, if it is a regional group, such as North East.
   */
  region?: string;
  /**
   * The date the community started, YYYY-MM-DD.
   */
  started_on?: string;
  /**
   * The bodies or roles that may approve this community's charter, such as Steering group. Each approver in the charter's version history must be one of these.
   *
   * @minItems 1
   *
   * Items: Plain text, one line or a short paragraph.
   */
  approvers: string[];
  /**
   * Roles members can contact, each with an email address or phone number.
   *
   * @minItems 1
   *
   * Items: A way to reach a role or team. Use a role, not a person's name.
   */
  contacts: {
    /**
     * The role or team to contact, such as Member support.
     */
    role: string;
    /**
     * Email address for this role.
     */
    email?: string;
    /**
     * Telephone number for this role, digits and spaces, such as +353 1 234 5678.
     */
    phone?: string;
  }[];
  /**
   * The publications this community's printed guide binds after its charter and ground rules, in this order, by file name in content/publications without .md, such as guide or self-assessment-toolkit. Default: the site's guide_publications.
   *
   * @minItems 1
   * @maxItems 10
   *
   * Items: A short identifier of lowercase letters, digits and hyphens, such as terms-of-reference.
   */
  guide_publications?: string[];
}

/**
 * A community's charter: its version history and approvals, and the structured parts of the charter (goals, benefits, assumptions, constraints, risks, roles, stakeholders). The charter's prose sections are the Markdown below the front matter, one ## heading per section. Lives in content/communities/<slug>/charter.md.
 */
export interface Charter {
  /**
   * The charter's title, such as Community Charter.
   */
  title: string;
  /**
   * The charter's current version, in quotes, such as "0.4". It must equal the version of the last row of version_history.
   */
  version: string;
  /**
   * draft while a revision awaits approval; approved once the last version_history row has an approver and an approval date.
   */
  status: "draft" | "approved";
  /**
   * The date by which the charter must be reviewed, YYYY-MM-DD. The governance check warns once it has passed.
   */
  review_by: string;
  /**
   * Every version of the charter, oldest first. Rows are only ever added at the end; past rows never change.
   *
   * @minItems 1
   *
   * Items: One row of the version history.
   */
  version_history: {
    /**
     * This row's version, in quotes, such as "0.2". Each row's version is higher than the row before.
     */
    version: string;
    /**
     * The role that made the revision, such as Evaluation coordinator.
     */
    implemented_by: string;
    /**
     * The date the revision was made, YYYY-MM-DD.
     */
    revision_date: string;
    /**
     * Who approves this version: one of the community's approvers.
     */
    approver: string;
    /**
     * The date the approver agreed this version, YYYY-MM-DD. Leave it out on a draft's last row until it is approved.
     */
    approval_date?: string;
    /**
     * Why the revision was made, in a sentence.
     */
    reason: string;
  }[];
  /**
   * What the community sets out to achieve, one goal per item.
   *
   * @minItems 1
   *
   * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
   */
  goals: string[];
  /**
   * What taking part brings to individual members and to their organisations.
   */
  benefits?: {
    /**
     * Benefits to individual members, one per item.
     *
     * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
     */
    individual?: string[];
    /**
     * Benefits to members' organisations and the wider system, one per item.
     *
     * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
     */
    organisational?: string[];
  };
  /**
   * Assumptions the community was planned on; if one proves false the community faces a risk.
   *
   * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
   */
  assumptions?: string[];
  /**
   * Limits the community works within, such as funding or members' time.
   *
   * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
   */
  constraints?: string[];
  /**
   * Risks to the community, each with how it is mitigated.
   *
   * Items: One risk and its mitigation.
   */
  risks?: {
    /**
     * The risk, in a sentence.
     */
    risk: string;
    /**
     * What is done to reduce the risk or its impact.
     */
    mitigation: string;
  }[];
  /**
   * The roles that support the community and what each is responsible for.
   *
   * @minItems 1
   *
   * Items: One role in the community.
   */
  roles: {
    /**
     * The role's name, such as Critical friend.
     */
    role: string;
    /**
     * Who holds the role: a team, body or group, not a person's name, such as Steering group member.
     */
    held_by: string;
    /**
     * What the role is responsible for.
     */
    responsibilities: string;
  }[];
  /**
   * Bodies with an interest in the community, and who represents each.
   *
   * @minItems 1
   *
   * Items: One stakeholder and its representatives.
   */
  stakeholders: {
    /**
     * The stakeholder, such as Public (including taxpayers).
     */
    stakeholder: string;
    /**
     * The roles that represent this stakeholder in the community.
     *
     * @minItems 1
     *
     * Items: Plain text, one line or a short paragraph.
     */
    representatives: string[];
  }[];
  /**
   * How the charter was developed and who approves changes to it, shown at the end of the charter.
   */
  approval_statement: string;
}

/**
 * The numbered ground rules members agree to when they join, with the statement they agree to. Lives in content/communities/<slug>/ground-rules.md; the Markdown below the front matter introduces them.
 */
export interface GroundRules {
  /**
   * The page's title, such as Ground rules for members.
   */
  title: string;
  /**
   * The rules, in order; they are numbered 1, 2, 3 as listed.
   *
   * @minItems 1
   *
   * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
   */
  rules: string[];
  /**
   * The statement a member agrees to, such as: By registering I agree to abide by these ground rules.
   */
  agreement: string;
}

/** Approved charter version: the fields of Charter. */
export type CharterVersionFile = Charter;

/** Approved ground rules version: the fields of GroundRules. */
export type GroundRulesVersionFile = GroundRules;

/**
 * One chapter of the printable guide. Lives in content/guide/<slug>.md; the Markdown below the front matter is the chapter's text, with footnotes for sources.
 */
export interface Chapter {
  /**
   * The chapter's title, such as Reflective practice.
   */
  title: string;
  /**
   * The chapter's place in the guide: 1 for the first chapter. Each chapter has its own number.
   */
  order: number;
  /**
   * One sentence that says what the chapter covers, shown in the guide's contents.
   */
  summary: string;
  /**
   * A set of named steps the chapter explains, such as the five functions or Gibbs' six-step reflective cycle. Shown as a numbered list, and as a diagram when the steps form a cycle.
   */
  steps?: {
    /**
     * The name of the set of steps, such as Gibbs' reflective cycle.
     */
    title: string;
    /**
     * true when the last step leads back to the first, so the steps are drawn as a cycle.
     */
    cyclical: boolean;
    /**
     * The steps in order.
     *
     * @minItems 2
     * @maxItems 12
     *
     * Items: One step.
     */
    items: {
      /**
       * The step's short name, such as Feelings.
       */
      name: string;
      /**
       * What happens in this step.
       */
      description: string;
    }[];
  };
  /**
   * Templates this chapter refers to, by file name without .md, such as terms-of-reference.
   *
   * Items: A short identifier of lowercase letters, digits and hyphens, such as terms-of-reference.
   */
  related_templates?: string[];
}

/**
 * A fill-in document, such as Terms of Reference or a service self-assessment, described as a list of blocks. The site shows it as a form to fill in on screen, and its PDF is printed blank with form fields. Lives in content/templates/<slug>.md; the Markdown below the front matter explains how to use it.
 */
export interface Template {
  /**
   * The template's title, such as Terms of Reference.
   */
  title: string;
  /**
   * One sentence that says what the template is for and when to use it.
   */
  summary: string;
  /**
   * Rating scales, each defined once here and used by its name in assessment columns and scale blocks.
   *
   * @minItems 1
   * @maxItems 10
   *
   * Items: A rating scale, defined once and used by its name.
   */
  scales?: {
    /**
     * The name columns and scale blocks use for it, such as extent.
     */
    name: string;
    /**
     * The choices, lowest first: each a label, or a label with a description of what it means.
     *
     * @minItems 2
     * @maxItems 7
     *
     * Items: One choice of a scale: its label (such as Partially), or a label and a description.
     */
    options: (
      | string
      | {
          /**
           * The choice's words, such as Partially.
           */
          label: string;
          /**
           * What the choice means, such as Some evidence, not yet across the whole service.
           */
          description?: string;
        }
    )[];
  }[];
  /**
   * Groups of blocks defined once here and printed for each of many items by a repeat block, instead of copying the blocks (or YAML anchors).
   *
   * @minItems 1
   * @maxItems 20
   *
   * Items: A group of blocks defined once, for a repeat block to print for each of its items.
   */
  groups?: {
    /**
     * The name repeat blocks use for it, such as session-notes.
     */
    name: string;
    /**
     * The group's blocks, top to bottom: any type but assessment and repeat.
     *
     * @minItems 1
     * @maxItems 20
     *
     * Items: One part of a group of blocks, chosen by its type: any type but assessment and repeat.
     */
    blocks: (
      | {
          /**
           * Write heading for a heading that divides the form into parts.
           */
          type: "heading";
          /**
           * The heading's words, such as 1.0 Aim or purpose.
           */
          text: string;
          /**
           * 2 for a main part of the form, 3 for a part within it.
           */
          level?: 2 | 3;
        }
      | {
          /**
           * Write text for text printed as it is, such as instructions to keep.
           */
          type: "text";
          /**
           * The text, in Markdown.
           */
          text: string;
        }
      | {
          /**
           * Write field for a write-in field printed as ruled lines.
           */
          type: "field";
          /**
           * What to write, such as Name of group.
           */
          label: string;
          /**
           * The name its answers are stored under in a completed example and in the PDF form, such as group-name. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
           */
          name?: string;
          /**
           * Help shown under the label, such as Describe how progress will be reported.
           */
          hint?: string;
          /**
           * How many ruled lines to leave for writing, from 1 to 30.
           */
          lines: number;
        }
      | {
          /**
           * Write date for a labelled space to write a date.
           */
          type: "date";
          /**
           * What the date is, such as Date of approval.
           */
          label: string;
          /**
           * The name its answers are stored under in a completed example and in the PDF form, such as review-date. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
           */
          name?: string;
        }
      | {
          /**
           * Write signature for spaces for names, signatures and dates.
           */
          type: "signature";
          /**
           * Who signs, such as Approved by.
           */
          label: string;
          /**
           * The name its answers are stored under in a completed example and in the PDF form, such as approved-by. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
           */
          name?: string;
          /**
           * How many people sign, from 1 to 10; each gets a name, signature and date line.
           */
          signatories?: number;
        }
      | {
          /**
           * Write scale for statements each rated by ticking one box of a scale.
           */
          type: "scale";
          /**
           * The question, such as Rate how your community works in each area.
           */
          label: string;
          /**
           * The name its answers are stored under in a completed example and in the PDF form, such as satisfaction. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
           */
          name?: string;
          /**
           * The choices, lowest first, such as Not at all, Partially, To a greater extent, Consistently. Leave out when scale names a scale defined in scales.
           *
           * @minItems 2
           * @maxItems 7
           *
           * Items: Plain text, one line or a short paragraph.
           */
          options?: string[];
          /**
           * The name of a scale defined in the template's scales, instead of options.
           */
          scale?: string;
          /**
           * The statements to rate, one per row.
           *
           * @minItems 1
           * @maxItems 40
           *
           * Items: Plain text, one line or a short paragraph.
           */
          items: string[];
        }
      | {
          /**
           * Write table for a table with named columns and blank rows.
           */
          type: "table";
          /**
           * What the table records, such as Members of the group.
           */
          caption: string;
          /**
           * The name its answers are stored under in a completed example and in the PDF form, such as members. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
           */
          name?: string;
          /**
           * The column headings, such as Name and Title or role.
           *
           * @minItems 1
           * @maxItems 8
           *
           * Items: Plain text, one line or a short paragraph.
           */
          columns: string[];
          /**
           * How many blank rows to print, from 1 to 40.
           */
          rows: number;
        }
      | {
          /**
           * Write checklist for a list of items each with a tick box.
           */
          type: "checklist";
          /**
           * What the list is for, such as Before the first meeting.
           */
          label?: string;
          /**
           * The name its answers are stored under in a completed example and in the PDF form, such as after-the-review. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
           */
          name?: string;
          /**
           * The items to tick, in Markdown: *emphasis*, **bold** and links may be used.
           *
           * @minItems 1
           * @maxItems 60
           *
           * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
           */
          items: string[];
        }
    )[];
  }[];
  /**
   * The parts of the form, top to bottom. Each has a type: heading, text, field, date, signature, scale, table, checklist, assessment or repeat.
   *
   * @minItems 1
   *
   * Items: One part of the form, chosen by its type.
   */
  blocks: (
    | {
        /**
         * Write heading for a heading that divides the form into parts.
         */
        type: "heading";
        /**
         * The heading's words, such as 1.0 Aim or purpose.
         */
        text: string;
        /**
         * 2 for a main part of the form, 3 for a part within it.
         */
        level?: 2 | 3;
      }
    | {
        /**
         * Write text for text printed as it is, such as instructions to keep.
         */
        type: "text";
        /**
         * The text, in Markdown.
         */
        text: string;
      }
    | {
        /**
         * Write field for a write-in field printed as ruled lines.
         */
        type: "field";
        /**
         * What to write, such as Name of group.
         */
        label: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as group-name. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
        /**
         * Help shown under the label, such as Describe how progress will be reported.
         */
        hint?: string;
        /**
         * How many ruled lines to leave for writing, from 1 to 30.
         */
        lines: number;
      }
    | {
        /**
         * Write date for a labelled space to write a date.
         */
        type: "date";
        /**
         * What the date is, such as Date of approval.
         */
        label: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as review-date. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
      }
    | {
        /**
         * Write signature for spaces for names, signatures and dates.
         */
        type: "signature";
        /**
         * Who signs, such as Approved by.
         */
        label: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as approved-by. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
        /**
         * How many people sign, from 1 to 10; each gets a name, signature and date line.
         */
        signatories?: number;
      }
    | {
        /**
         * Write scale for statements each rated by ticking one box of a scale.
         */
        type: "scale";
        /**
         * The question, such as Rate how your community works in each area.
         */
        label: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as satisfaction. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
        /**
         * The choices, lowest first, such as Not at all, Partially, To a greater extent, Consistently. Leave out when scale names a scale defined in scales.
         *
         * @minItems 2
         * @maxItems 7
         *
         * Items: Plain text, one line or a short paragraph.
         */
        options?: string[];
        /**
         * The name of a scale defined in the template's scales, instead of options.
         */
        scale?: string;
        /**
         * The statements to rate, one per row.
         *
         * @minItems 1
         * @maxItems 40
         *
         * Items: Plain text, one line or a short paragraph.
         */
        items: string[];
      }
    | {
        /**
         * Write table for a table with named columns and blank rows.
         */
        type: "table";
        /**
         * What the table records, such as Members of the group.
         */
        caption: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as members. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
        /**
         * The column headings, such as Name and Title or role.
         *
         * @minItems 1
         * @maxItems 8
         *
         * Items: Plain text, one line or a short paragraph.
         */
        columns: string[];
        /**
         * How many blank rows to print, from 1 to 40.
         */
        rows: number;
      }
    | {
        /**
         * Write checklist for a list of items each with a tick box.
         */
        type: "checklist";
        /**
         * What the list is for, such as Before the first meeting.
         */
        label?: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as after-the-review. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
        /**
         * The items to tick, in Markdown: *emphasis*, **bold** and links may be used.
         *
         * @minItems 1
         * @maxItems 60
         *
         * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
         */
        items: string[];
      }
    | {
        /**
         * Write assessment for a set of standards and indicators, each indicator answered under the same columns.
         */
        type: "assessment";
        /**
         * The assessment's title, such as Service self-assessment.
         */
        title: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form, such as self-assessment. Default: made from the label. Set it when two blocks have the same label, or to keep completed examples valid when the label changes.
         */
        name?: string;
        /**
         * How to complete the assessment, in Markdown, shown before the first standard.
         */
        introduction?: string;
        /**
         * The headings every indicator is answered under, defined once for the whole assessment, each of a kind: text, scale, horizons, date or owner.
         *
         * @minItems 1
         * @maxItems 6
         *
         * Items: One heading every indicator is answered under, chosen by its kind.
         */
        columns: (
          | {
              /**
               * Write text for an answer in words, such as the evidence.
               */
              kind: "text";
              /**
               * The column's name, which its answers are stored under, such as evidence.
               */
              name: string;
              /**
               * The question the column asks of every indicator, such as What evidence is there?
               */
              heading: string;
              /**
               * Help shown under the heading, such as Name documents, audits or feedback.
               */
              hint?: string;
              /**
               * How many ruled lines to leave for writing, from 1 to 12. Default: 3.
               */
              lines?: number;
            }
          | {
              /**
               * Write scale for one choice on a scale, such as how far the indicator is met.
               */
              kind: "scale";
              /**
               * The column's name, which its answers are stored under, such as evidence.
               */
              name: string;
              /**
               * The question the column asks of every indicator, such as What evidence is there?
               */
              heading: string;
              /**
               * Help shown under the heading, such as Name documents, audits or feedback.
               */
              hint?: string;
              /**
               * The name of a scale defined in the template's scales, such as extent.
               */
              scale: string;
            }
          | {
              /**
               * Write horizons for a space to write under each of a few named horizons.
               */
              kind: "horizons";
              /**
               * The column's name, which its answers are stored under, such as evidence.
               */
              name: string;
              /**
               * The question the column asks of every indicator, such as What evidence is there?
               */
              heading: string;
              /**
               * Help shown under the heading, such as Name documents, audits or feedback.
               */
              hint?: string;
              /**
               * The horizons, in order, such as Short term, Medium term, Long term.
               *
               * @minItems 2
               * @maxItems 4
               *
               * Items: Plain text, one line or a short paragraph.
               */
              horizons: string[];
              /**
               * How many ruled lines to leave for writing under each horizon, from 1 to 12. Default: 2.
               */
              lines?: number;
            }
          | {
              /**
               * Write date for a date, such as when to review the indicator.
               */
              kind: "date";
              /**
               * The column's name, which its answers are stored under, such as evidence.
               */
              name: string;
              /**
               * The question the column asks of every indicator, such as What evidence is there?
               */
              heading: string;
              /**
               * Help shown under the heading, such as Name documents, audits or feedback.
               */
              hint?: string;
            }
          | {
              /**
               * Write owner for the person or role who leads the actions.
               */
              kind: "owner";
              /**
               * The column's name, which its answers are stored under, such as evidence.
               */
              name: string;
              /**
               * The question the column asks of every indicator, such as What evidence is there?
               */
              heading: string;
              /**
               * Help shown under the heading, such as Name documents, audits or feedback.
               */
              hint?: string;
            }
        )[];
        /**
         * The standards, in order, each with its indicators.
         *
         * @minItems 1
         * @maxItems 30
         *
         * Items: One standard: what good looks like, the evidence that shows it, and the indicators that measure it.
         */
        standards: {
          /**
           * The standard's number, in quotes, such as "1".
           */
          number: string;
          /**
           * The standard's title, such as Leadership and governance.
           */
          title: string;
          /**
           * What the standard asks of the service, in Markdown.
           */
          introduction?: string;
          /**
           * Examples of evidence that would show the standard is met, in Markdown, one per item.
           *
           * @minItems 1
           * @maxItems 20
           *
           * Items: Text that may use Markdown: *emphasis*, **bold**, [links](https://example.org) and lists.
           */
          evidence_examples?: string[];
          /**
           * true to start the standard on a new page in the PDF.
           */
          start_on_new_page?: boolean;
          /**
           * The standard's indicators, in order.
           *
           * @minItems 1
           * @maxItems 30
           *
           * Items: One indicator: a numbered statement answered under every column of the assessment.
           */
          indicators: {
            /**
             * The indicator's number, in quotes, starting with its standard's number, such as "1.2".
             */
            number: string;
            /**
             * What the indicator asks, in Markdown, such as The service has a written vision shared with the people who use it.
             */
            statement: string;
          }[];
        }[];
      }
    | {
        /**
         * Write repeat to print a group of blocks once for each of several items.
         */
        type: "repeat";
        /**
         * The name of a group defined in the template's groups.
         */
        group: string;
        /**
         * The name its answers are stored under in a completed example and in the PDF form. Default: the group's name.
         */
        name?: string;
        /**
         * The items, each a heading followed by the group's blocks, such as First session, Second session.
         *
         * @minItems 1
         * @maxItems 40
         *
         * Items: Plain text, one line or a short paragraph.
         */
        items: string[];
      }
  )[];
}

/**
 * A template filled in, such as a worked case study or a completed self-assessment, shown on the site and in its PDF as the filled-in form. Its answers are checked against the template's fields. Lives in content/examples/<slug>.md; the Markdown below the front matter says what the example shows. A template page's Download as Markdown button writes such a file.
 */
export interface Example {
  /**
   * The template this example fills in, by its file name in content/templates without .md, such as case-study.
   */
  template: string;
  /**
   * The example's title, such as Completed example: Riverside peer support service.
   */
  title: string;
  /**
   * One sentence that says what the example shows.
   */
  summary: string;
  /**
   * The answers, under the names of the template's blocks (a block's name, or its label in lowercase with hyphens): text for fields, YYYY-MM-DD for dates, an option's label for scales, the numbers of the ticked items for checklists, and groups of these for tables, signatures, assessments and repeated groups. The template page's Download as Markdown button writes them for you.
   */
  answers: {
    /**
     * The answer to one block of the template; its shape depends on the block.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[a-z0-9]+(-[a-z0-9]+)*$".
     */
    [k: string]:
      | string
      | number[]
      | {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` "^.+$".
           */
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
}

/**
 * A named collection of chapters, templates, completed examples and appendices, such as a toolkit or the guide itself, with its own landing page, order, groups and PDF. Lives in content/publications/<slug>.md; the Markdown below the front matter introduces it on its landing page and after its PDF's cover.
 */
export interface Publication {
  /**
   * The publication's title, such as Service self-assessment toolkit.
   */
  title: string;
  /**
   * One sentence that says what the publication is for and who uses it.
   */
  summary: string;
  /**
   * What the publication is, shown above its title: toolkit (the default), or guide for the guide that communities' printed guides bind.
   */
  kind?: "toolkit" | "guide";
  /**
   * The publication's parts in reading order, in named groups, such as Before you start and The self-assessment.
   *
   * @minItems 1
   * @maxItems 20
   *
   * Items: A group of parts with a title.
   */
  groups: {
    /**
     * The group's title, such as Before you start.
     */
    title: string;
    /**
     * One sentence about the group, shown on the landing page.
     */
    summary?: string;
    /**
     * The group's parts in order, each one of: chapter, template, example or appendix, with the file name without .md.
     *
     * @minItems 1
     * @maxItems 100
     *
     * Items: One part: a chapter, template or completed example by its file name, or an appendix.
     */
    items: {
      /**
       * A chapter of the guide, by its file name in content/guide without .md, such as reflective-practice.
       */
      chapter?: string;
      /**
       * A template, by its file name in content/templates without .md, such as terms-of-reference.
       */
      template?: string;
      /**
       * A completed example, by its file name in content/examples without .md.
       */
      example?: string;
      /**
       * One of the guide's appendices: phases, roadmap, topics or principles.
       */
      appendix?: "phases" | "roadmap" | "topics" | "principles";
    }[];
  }[];
}

/**
 * Ideas for the lead topic of a session, which the group chooses together at the session before. Lives in content/topics.md; the Markdown below the front matter introduces the list.
 */
export interface Topics {
  /**
   * The page's title, such as Session topics.
   */
  title: string;
  /**
   * The topics, in the order they are listed.
   *
   * @minItems 1
   *
   * Items: One session topic.
   */
  topics: {
    /**
     * The topic, such as Peer workers as supervisors.
     */
    title: string;
    /**
     * A sentence or two on what a session on this topic could cover.
     */
    description?: string;
    /**
     * Tags readers can filter the list by, lowercase with hyphens, such as peer-work.
     *
     * Items: A short identifier of lowercase letters, digits and hyphens, such as terms-of-reference.
     */
    tags?: string[];
  }[];
}

/**
 * The 12-month roadmap grid: areas and their dimensions as rows, periods as columns, a code in each cell, and columns for who is responsible and what resources are needed. Lives in content/roadmap.md.
 */
export interface Roadmap {
  /**
   * The roadmap's title, such as Roadmap for communities of practice.
   */
  title: string;
  /**
   * The column headings for time, in order, such as Month 1 ... Month 6, Months 7 to 9, Months 10 to 12.
   *
   * @minItems 1
   * @maxItems 12
   *
   * Items: Plain text, one line or a short paragraph.
   */
  periods: string[];
  /**
   * Blank columns after the periods for planning, such as Who is responsible? and What resources are needed?
   *
   * Items: Plain text, one line or a short paragraph.
   */
  extra_columns: string[];
  /**
   * The areas of the roadmap, in order, each with its dimensions.
   *
   * @minItems 1
   *
   * Items: One area of the roadmap, such as Leadership.
   */
  areas: {
    /**
     * The area's number, 1 to 9; every cell code in the area starts with it.
     */
    number: number;
    /**
     * The area's name, such as Convening.
     */
    name: string;
    /**
     * The rows of the area.
     *
     * @minItems 1
     *
     * Items: One row of the roadmap.
     */
    dimensions: {
      /**
       * The dimension, such as Core group.
       */
      name: string;
      /**
       * The guiding question for the dimension, such as How do you get your core group to steer the community?
       */
      question: string;
      /**
       * A further prompt shown in small print under the question.
       */
      note?: string;
      /**
       * The cell codes, one per period, such as 3.21 ... 3.28. Each starts with the area's number.
       *
       * @minItems 1
       *
       * Items: A cell code: the area's number, a dot and two digits, such as 3.21.
       */
      codes: string[];
    }[];
  }[];
  /**
   * The time horizons under the grid, such as short-term actions over months 1 to 3.
   *
   * @minItems 1
   *
   * Items: One horizon, spanning consecutive periods.
   */
  horizons: {
    /**
     * The horizon, such as Short-term actions.
     */
    name: string;
    /**
     * The time it covers in words, such as 1 to 3 months.
     */
    span: string;
    /**
     * The number of the first period it covers, counting the periods from 1.
     */
    first_period: number;
    /**
     * The number of the last period it covers, counting the periods from 1.
     */
    last_period: number;
    /**
     * What the community aims for in this horizon.
     */
    description: string;
  }[];
}

/**
 * The phases a community of practice goes through (Define, Design, Grow, Perform, Transform), each with a summary and guiding questions. Lives in content/phases.md; the Markdown below the front matter introduces them.
 */
export interface Phases {
  /**
   * The page's title, such as The five phases of a community of practice.
   */
  title: string;
  /**
   * The note that the phases are a cycle rather than a line, and may be skipped or repeated.
   */
  cyclical_note: string;
  /**
   * The phases in order; they are numbered 1, 2, 3 as listed and drawn as a cycle.
   *
   * @minItems 2
   * @maxItems 8
   *
   * Items: One phase.
   */
  phases: {
    /**
     * The phase's one-word name, such as Define.
     */
    name: string;
    /**
     * The phase's heading, such as Define your community.
     */
    title: string;
    /**
     * What the phase is about.
     */
    summary: string;
    /**
     * Questions that guide the community through the phase.
     *
     * @minItems 1
     *
     * Items: Plain text, one line or a short paragraph.
     */
    questions: string[];
  }[];
}

/**
 * The principles that guide how the community engages with people. Lives in content/principles.md; the Markdown below the front matter introduces them.
 */
export interface Principles {
  /**
   * The page's title, such as Engagement principles.
   */
  title: string;
  /**
   * The principles, in order.
   *
   * @minItems 1
   *
   * Items: One principle.
   */
  principles: {
    /**
     * The principle, such as Respect.
     */
    name: string;
    /**
     * What the principle asks of people.
     */
    description: string;
  }[];
}
