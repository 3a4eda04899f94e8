import {
  drawEllipse,
  drawLine,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFCheckBox as PDFCheckBoxClass,
  PDFRadioGroup as PDFRadioGroupClass,
  PDFString,
  rgb,
  type AppearanceProviderFor,
  type PDFCheckBox,
  type PDFOperator,
  type PDFPage,
  type PDFRadioGroup,
} from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { parsePdfFieldHref, type PdfFieldMark } from "../model/pdf-field-marks.ts";

const require = createRequire(import.meta.url);

/**
 * The site's typeface for what a reader types into a field, with every Latin character: the
 * reader's PDF viewer draws typed text with it, so it needs more than the characters printed. A
 * PDF that named a standard font instead would depend on the viewer having one.
 */
const fieldTypeface =
  require.resolve("@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-400-normal.woff");

/** A box the print page marked, where Chromium printed it: page (from 0) and rectangle in points. */
export interface MarkedBox extends PdfFieldMark {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The text a reader types into a field: the form's size, in the site's typeface. */
const fontSize = 10;
const ink = rgb(0.1, 0.1, 0.1);

/** The printed tick box's middle, and a size that sits inside it, in the widget's own space. */
const insideBox = (width: number, height: number) => ({
  x: width / 2,
  y: height / 2,
  size: Math.min(width, height) * 0.5,
});

/** An X in the printed box when ticked, nothing when not: the page itself draws the box. */
const tickAppearance: AppearanceProviderFor<PDFCheckBox> = (_box, widget) => {
  const { width, height } = widget.getRectangle();
  const { x, y, size } = insideBox(width, height);
  const half = size / 2;
  const cross: PDFOperator[] = [
    ...drawLine({
      start: { x: x - half, y: y - half },
      end: { x: x + half, y: y + half },
      thickness: 1.3,
      color: ink,
    }),
    ...drawLine({
      start: { x: x - half, y: y + half },
      end: { x: x + half, y: y - half },
      thickness: 1.3,
      color: ink,
    }),
  ];
  return { normal: { on: cross, off: [] } };
};

/** A dot in the chosen option's printed box, nothing in the others. */
const choiceAppearance: AppearanceProviderFor<PDFRadioGroup> = (_group, widget) => {
  const { width, height } = widget.getRectangle();
  const { x, y, size } = insideBox(width, height);
  const dot = drawEllipse({
    x,
    y,
    xScale: size * 0.45,
    yScale: size * 0.45,
    color: ink,
    borderColor: undefined,
    borderWidth: 0,
  });
  return { normal: { on: dot, off: [] } };
};

/**
 * Turns the boxes a print page marked (scripts/model/pdf-field-marks.ts) into AcroForm fields:
 * a text field over each write-in space, a check box over each tick box, a radio group over each
 * scale's options. Each mark is a link annotation Chromium wrote with the box's exact place on
 * its page; the link is removed and a field put there, with no border or background, so the page
 * prints as before. In a tagged PDF the field takes the link's place in the structure tree, as a
 * Form element, so a screen reader finds it where the box is read.
 */
export async function addFormFields(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; boxes: MarkedBox[] }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages();
  const boxes: MarkedBox[] = [];
  const handOver: { link: PDFDict; box: MarkedBox }[] = [];

  pages.forEach((page, index) => {
    const annotations = page.node.Annots();
    if (!annotations) return;
    for (let i = annotations.size() - 1; i >= 0; i--) {
      const link = annotations.lookupMaybe(i, PDFDict);
      const mark = link && markOf(link);
      if (!mark) continue;
      const [x1, y1, x2, y2] = link
        .lookup(PDFName.of("Rect"), PDFArray)
        .asArray()
        .map((n) => (n as PDFNumber).asNumber()) as [number, number, number, number];
      const box: MarkedBox = {
        ...mark,
        page: index,
        x: Math.min(x1, x2),
        y: Math.min(y1, y2),
        width: Math.abs(x2 - x1),
        height: Math.abs(y2 - y1),
      };
      annotations.remove(i);
      handOver.push({ link, box });
    }
  });

  // A box Chromium split over lines or pages arrives as several links: one field per box, on the
  // page that holds most of it (print.css keeps boxes whole, so this is only a guard).
  const byBox = new Map<string, MarkedBox[]>();
  for (const { box } of handOver) {
    const key = `${box.name}\u0000${box.value ?? ""}`;
    byBox.set(key, [...(byBox.get(key) ?? []), box]);
  }
  for (const parts of byBox.values()) {
    const page = mostOf(parts);
    const onPage = parts.filter((part) => part.page === page);
    const x = Math.min(...onPage.map((p) => p.x));
    const y = Math.min(...onPage.map((p) => p.y));
    const right = Math.max(...onPage.map((p) => p.x + p.width));
    const top = Math.max(...onPage.map((p) => p.y + p.height));
    boxes.push({ ...onPage[0]!, page, x, y, width: right - x, height: top - y });
  }
  const form = pdf.getForm();
  pdf.registerFontkit(fontkit);
  // pdf-lib writes a whole font's file as it was read (a WOFF, which a PDF cannot hold); a subset
  // it re-encodes as TrueType. So the subset holds every character the typeface has.
  const font = await pdf.embedFont(await readFile(fieldTypeface), { subset: true });
  font.encodeText(String.fromCodePoint(...font.getCharacterSet()));
  const widgets = new Map<string, PDFRef>();
  const radioGroups = new Map<string, PDFRadioGroup>();
  // Fields in reading order, so a reader's Tab key follows the form down each page.
  boxes.sort((a, b) => a.page - b.page || b.y + b.height - (a.y + a.height) || a.x - b.x);
  for (const box of boxes) {
    const page = pages[box.page]!;
    const place = {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      borderWidth: 0,
      borderColor: undefined,
      backgroundColor: undefined,
    };
    const before = new Set(widgetRefs(page));
    switch (box.kind) {
      case "text":
      case "multiline": {
        const field = form.createTextField(box.name);
        if (box.kind === "multiline") field.enableMultiline();
        if (box.max) field.setMaxLength(box.max);
        field.addToPage(page, { ...place, font });
        field.setFontSize(fontSize);
        describe(field.acroField.dict, box.label);
        break;
      }
      case "checkbox": {
        const field = form.createCheckBox(box.name);
        field.addToPage(page, place);
        describe(field.acroField.dict, box.label);
        break;
      }
      case "radio": {
        let group = radioGroups.get(box.name);
        if (!group) {
          group = form.createRadioGroup(box.name);
          describe(group.acroField.dict, box.label);
          radioGroups.set(box.name, group);
        }
        group.addOptionToPage(box.value ?? "", page, place);
        break;
      }
    }
    const added = widgetRefs(page).find((ref) => !before.has(ref));
    if (added) widgets.set(`${box.name}\u0000${box.value ?? ""}`, added);
  }
  form.updateFieldAppearances(font);
  // pdf-lib's own appearances for boxes fill a white disc or square, which would hide the printed
  // box: these draw only the mark.
  for (const field of form.getFields()) {
    if (field instanceof PDFCheckBoxClass) field.updateAppearances(tickAppearance);
    else if (field instanceof PDFRadioGroupClass) field.updateAppearances(choiceAppearance);
  }

  structureFields(
    pdf,
    handOver.map(({ link, box }) => ({
      link,
      widget: widgets.get(`${box.name}\u0000${box.value ?? ""}`),
    })),
  );
  return { bytes: await pdf.save({ updateFieldAppearances: false }), boxes };
}

function markOf(annotation: PDFDict): PdfFieldMark | undefined {
  if (annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link")) return undefined;
  const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
  const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString);
  return uri ? parsePdfFieldHref(uri.decodeText()) : undefined;
}

function mostOf(parts: readonly MarkedBox[]): number {
  const area = new Map<number, number>();
  for (const part of parts)
    area.set(part.page, (area.get(part.page) ?? 0) + part.width * part.height);
  return [...area].sort((a, b) => b[1] - a[1])[0]![0];
}

function widgetRefs(page: PDFPage): PDFRef[] {
  const annotations = page.node.Annots();
  if (!annotations) return [];
  return annotations.asArray().filter((item): item is PDFRef => item instanceof PDFRef);
}

/** The tooltip (TU) PDF readers show over a field and screen readers read as its name. */
function describe(dict: PDFDict, label: string | undefined): void {
  if (label) dict.set(PDFName.of("TU"), PDFHexString.fromText(label));
}

/**
 * Gives each field the link's place in the tagged PDF's structure tree: the struct element that
 * pointed at the link (through its StructParent key in the ParentTree) now points at the widget
 * and is a Form element. Links Chrome left untagged are simply gone.
 */
function structureFields(
  pdf: PDFDocument,
  pairs: readonly { link: PDFDict; widget: PDFRef | undefined }[],
): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const parentTree = root?.lookupMaybe(PDFName.of("ParentTree"), PDFDict);
  const nums = parentTree?.lookupMaybe(PDFName.of("Nums"), PDFArray);
  if (!nums) return;
  const elementOf = new Map<number, PDFDict>();
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    const key = nums.lookup(i, PDFNumber).asNumber();
    // A page's key leads to an array of elements; an annotation's leads to its one element.
    const element = nums.lookup(i + 1);
    if (element instanceof PDFDict) elementOf.set(key, element);
  }
  const usedWidgets = new Set<PDFRef>();
  const touched = new Set<PDFDict>();
  for (const { link, widget } of pairs) {
    const key = link.lookupMaybe(PDFName.of("StructParent"), PDFNumber)?.asNumber();
    if (key === undefined) continue;
    const element = elementOf.get(key);
    if (!element) continue;
    touched.add(element);
    const linkRef = pdf.context.getObjectRef(link);
    const kids = element.get(PDFName.of("K"));
    const kidList = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (const kid of kidList) {
      const reference = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
      if (!(reference instanceof PDFDict)) continue;
      if (reference.get(PDFName.of("Type")) !== PDFName.of("OBJR")) continue;
      if (reference.get(PDFName.of("Obj")) !== linkRef) continue;
      if (widget && !usedWidgets.has(widget)) {
        reference.set(PDFName.of("Obj"), widget);
        pdf.context.lookup(widget, PDFDict).set(PDFName.of("StructParent"), PDFNumber.of(key));
        usedWidgets.add(widget);
      } else if (kids instanceof PDFArray) {
        // A second piece of a box printed in pieces: its field already has its place.
        kids.remove(kids.indexOf(kid)!);
      } else {
        element.delete(PDFName.of("K"));
      }
    }
  }
  // An element that now holds a field is a Form; one that held only a removed link, a Span.
  for (const element of touched) {
    const kids = element.get(PDFName.of("K"));
    const kidList = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    const holdsField = kidList.some((kid) => {
      const reference = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
      const target = reference instanceof PDFDict ? reference.get(PDFName.of("Obj")) : undefined;
      return target instanceof PDFRef && usedWidgets.has(target);
    });
    element.set(PDFName.of("S"), PDFName.of(holdsField ? "Form" : "Span"));
  }
}
