/**
 * The frame of every chart and map: title, the chart, a caption with source,
 * reference date and definition, a data table a screen reader can use, and a
 * CSV download of exactly the numbers shown. Text goes in as text, never as
 * HTML (names come from sources).
 */
import {formatDate} from "./format.js";

export interface Column<T> {
  key: keyof T & string;
  label: string;
  format?: (value: unknown, row: T) => string;
  /** Right-aligned numeric column. */
  numeric?: boolean;
}

export interface FigureOptions<T> {
  id: string;
  title: string;
  subtitle?: string;
  source: string;
  /** Reference date(s): ISO date, year, or free text like "31.12.2011–31.12.2024". */
  date: string | number;
  definition: string;
  licence?: string;
  /** The numbers shown; the table and the CSV are made from exactly these. */
  data: T[];
  columns: Column<T>[];
  /** Extra notes under the caption (comparability, flags). */
  notes?: string[];
  document?: Document;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function csvOf<T>(rows: T[], columns: Column<T>[]): string {
  const field = (v: unknown) => {
    if (v === null || v === undefined) return "";
    const s = String(v);
    return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // Semicolon-separated with the raw values (dot decimals), as spreadsheets in German locales open it.
  return `${columns.map((c) => field(c.label)).join(";")}\n${rows.map((r) => columns.map((c) => field(r[c.key])).join(";")).join("\n")}\n`;
}

export function dataTable<T>(rows: T[], columns: Column<T>[], {caption, document: doc = globalThis.document}: {caption: string; document?: Document}): HTMLTableElement {
  const table = el(doc, "table", {class: "atlas-table"});
  table.append(el(doc, "caption", {}, caption));
  const head = el(doc, "tr");
  for (const c of columns) head.append(el(doc, "th", {scope: "col", class: c.numeric ? "num" : undefined}, c.label));
  const thead = el(doc, "thead");
  thead.append(head);
  table.append(thead);
  const body = el(doc, "tbody");
  for (const row of rows) {
    const tr = el(doc, "tr");
    for (const c of columns) {
      const value = row[c.key];
      tr.append(el(doc, "td", {class: c.numeric ? "num" : undefined}, c.format ? c.format(value, row) : value === null || value === undefined ? "–" : String(value)));
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

export function figure<T>(chart: Element, options: FigureOptions<T>): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const root = el(doc, "figure", {"class": "atlas-figure", "data-chart": options.id, "id": `figure-${options.id}`});
  root.append(el(doc, "h3", {class: "atlas-figure-title"}, options.title));
  if (options.subtitle) root.append(el(doc, "p", {class: "atlas-figure-subtitle"}, options.subtitle));
  const body = el(doc, "div", {class: "atlas-figure-body"});
  body.append(chart);
  root.append(body);
  const caption = el(doc, "figcaption", {class: "atlas-figure-caption"});
  const line = (labelText: string, text: string) => {
    const p = el(doc, "p");
    p.append(el(doc, "strong", {}, `${labelText}: `), doc.createTextNode(text));
    caption.append(p);
  };
  line("Quelle", options.source + (options.licence ? ` (${options.licence})` : ""));
  line("Stand", typeof options.date === "number" ? String(options.date) : /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? formatDate(options.date) : options.date);
  line("Definition", options.definition);
  for (const note of options.notes ?? []) caption.append(el(doc, "p", {class: "atlas-note"}, note));
  root.append(caption);
  const details = el(doc, "details", {class: "atlas-figure-data"});
  details.append(el(doc, "summary", {}, "Daten als Tabelle"));
  details.append(dataTable(options.data, options.columns, {caption: options.title, document: doc}));
  root.append(details);
  const download = el(doc, "button", {type: "button", class: "atlas-download"}, "CSV herunterladen");
  download.addEventListener("click", () => {
    const blob = new Blob(["\ufeff", csvOf(options.data, options.columns)], {type: "text/csv;charset=utf-8"});
    const a = el(doc, "a", {href: URL.createObjectURL(blob), download: `${options.id}.csv`});
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  root.append(download);
  return root;
}

/** A visible notice for a source the build could not read. */
export function missingNotice(source: {id: string; title: string; how_to_get?: string | null}, doc: Document = globalThis.document): HTMLElement {
  const box = el(doc, "div", {"class": "atlas-notice", "role": "status", "data-missing-source": source.id});
  box.append(el(doc, "strong", {}, `Quelle nicht verfügbar: ${source.title}`));
  box.append(el(doc, "p", {}, `Diese Darstellung braucht die Quelle „${source.id}“, die beim Bau der Seite nicht gelesen werden konnte. ${source.how_to_get ?? ""}`));
  return box;
}
