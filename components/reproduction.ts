/**
 * The reproduction pages: every table of a concept document, each printed
 * number beside its checks and second-source values (printed | comparison |
 * difference | verdict), the list of flagged mismatches, and the summary of
 * all documents. The data is loaders/reproduction.ts's output
 * (src/data/reproduction.json). Text goes in as text, never as HTML.
 */
import {figure, type Column} from "./figure.js";
import {formatDate, formatNumber} from "./format.js";

// The shapes of src/data/reproduction.json are the loader's own types (type-only: nothing of the loader reaches the browser).
import type {Check, CheckKind, DocumentReproduction, Qualifier, ReproRow as Row, ReproTable as Table, Reproduction, Status, Summary} from "../loaders/model/reproduction.ts";
export type {Check, CheckKind, DocumentReproduction, Qualifier, Reproduction, Row, Status, Summary, Table};

export const MISMATCH: readonly Status[] = ["rundung", "abweichung", "eingeschraenkt"];

/** Verdicts as text with a sign, so that colour is never the only carrier. */
export const STATUS_LABEL: Record<Status, string> = {
  ok: "✓ stimmt",
  rundung: "≈ Rundungsdifferenz",
  abweichung: "✗ Abweichung",
  eingeschraenkt: "◇ Abweichung, nur eingeschränkt vergleichbar",
  kontext: "ℹ nur zur Einordnung, kein Vergleich",
  fehlt: "– kein Vergleichswert"
};

export const KIND_LABEL: Record<CheckKind, string> = {
  sum: "Summe der Teile",
  share: "Anteil nachgerechnet",
  change: "Veränderung nachgerechnet",
  difference: "Differenz nachgerechnet",
  partition: "Anteile ergeben zusammen 100 %",
  repeat: "Dieselbe Angabe an anderer Stelle",
  second_source: "Zweitquelle"
};

const QUALIFIER_LABEL: Record<Qualifier, string> = {
  min: "„mehr als“ o. ä.: Untergrenze",
  max: "„fast“, „knapp“: höchstens, bis 10 % darunter",
  about: "„rund“, „ca.“: ±10 %"
};

/** A signed difference in German: +2, −0,2, ±0; decimals as the size needs. */
export function formatDifference(value: number | null): string {
  if (value === null) return "–";
  if (value === 0) return "±0";
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) || abs >= 100 ? 0 : abs < 0.1 ? 3 : abs < 10 ? 2 : 1;
  return `${value > 0 ? "+" : "−"}${new Intl.NumberFormat("de-DE", {maximumFractionDigits: digits}).format(abs)}`;
}

export function formatRelative(value: number | null): string {
  if (value === null) return "";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatNumber(Math.abs(value), {digits: 1})} %`;
}

/** The mismatch in one line: where, what, how big, how serious. */
export function describeMismatch(doc: DocumentReproduction, check: Check): string {
  const table = doc.tables.find((t) => t.table_id === check.table_id)!;
  const row = table.rows.find((r) => r.row === check.row)!;
  const when = row.reference_date ? formatDate(row.reference_date) : row.year ?? "ohne Jahr";
  const against = check.kind === "second_source" ? check.label : `${KIND_LABEL[check.kind]} (${check.formula})`;
  return `${table.short}, Z. ${check.line}: ${row.label} (${row.area_name}, ${when}) – gedruckt ${check.printed_text}, ${against}: ${check.reference_text}; Differenz ${formatDifference(check.difference)}${check.relative !== null ? ` (${formatRelative(check.relative)})` : ""} – ${STATUS_LABEL[check.status]}`;
}

const fine = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 3});
/** Up to three decimals, none when not needed: 0,05 · 2,5 · 5.000. */
const upTo3 = (x: number) => fine.format(x);

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | undefined> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The title with its year, once. */
export function documentTitle(doc: Pick<DocumentReproduction, "title" | "year">): string {
  return doc.title.includes(String(doc.year)) ? doc.title : `${doc.title} (${doc.year})`;
}

export function rowAnchor(doc: DocumentReproduction, row: Pick<Row, "row" | "line">): string {
  return `${doc.slug}-z${row.line}-n${row.row}`;
}

/** „geht ein in Z. 263 (Summe der Teile: ✓ stimmt)“ for a number checked as part of another. */
const KIND_SHORT: Record<CheckKind, string> = {sum: "Summe", share: "Anteil", change: "Veränderung", difference: "Differenz", partition: "zusammen 100 %", repeat: "Wiederholung", second_source: "Zweitquelle"};

function usedIn(doc: DocumentReproduction, row: Row): string | null {
  if (!row.used_in.length) return null;
  const uses = row.used_in.map((id) => doc.checks[id]).map((c) => `Z. ${c.line} (${KIND_SHORT[c.kind]}: ${STATUS_LABEL[c.status]})`);
  return `Ausgangszahl für ${[...new Set(uses)].join("; ")}`;
}

function labelCell(d: Document, doc: DocumentReproduction, row: Row, span: string, ownChecks: boolean): HTMLTableCellElement {
  const th = el(d, "th", {scope: "row", rowspan: span}, row.label);
  // Rows without checks of their own say it in the check column instead.
  const uses = ownChecks ? usedIn(doc, row) : null;
  if (uses) th.append(el(d, "span", {class: "repro-detail"}, uses));
  return th;
}

function differenceCell(d: Document, check: Check): HTMLTableCellElement {
  const td = el(d, "td", {class: "num repro-difference"}, formatDifference(check.difference));
  if (check.relative !== null && check.difference) td.append(el(d, "span", {class: "repro-detail"}, formatRelative(check.relative)));
  return td;
}

function verdictCell(d: Document, check: Check): HTMLTableCellElement {
  const td = el(d, "td", {"class": `repro-verdict repro-${check.status}`, "data-status": check.status});
  td.append(el(d, "strong", {}, STATUS_LABEL[check.status]));
  const detail: string[] = [];
  if (check.qualifier) detail.push(QUALIFIER_LABEL[check.qualifier]);
  else if (check.tolerance) detail.push(`Toleranz ±${upTo3(check.tolerance)}`);
  if (check.status === "rundung" && check.band) detail.push(`durch Rundung erklärbar bis ±${upTo3(check.band)}`);
  if (detail.length) td.append(el(d, "span", {class: "repro-detail"}, detail.join("; ")));
  return td;
}

function comparisonCell(d: Document, check: Check): HTMLTableCellElement {
  const td = el(d, "td", {class: "repro-comparison"});
  td.append(el(d, "span", {class: "repro-kind"}, check.kind === "second_source" ? `${KIND_LABEL.second_source}: ${check.label}` : check.kind === "repeat" ? check.label : KIND_LABEL[check.kind]));
  if (check.formula) td.append(el(d, "span", {class: "repro-detail"}, check.formula));
  if (check.second_source) {
    const refs = check.second_source.facts.map((f) => f.ref);
    if (refs.length) td.append(el(d, "span", {class: "repro-detail"}, `Fundstelle: ${refs.slice(0, 3).join("; ")}${refs.length > 3 ? "; …" : ""}`));
  }
  return td;
}

/** The side-by-side table of one document table: printed | comparison | value | difference | verdict. */
export function reproductionTable(doc: DocumentReproduction, table: Table, {document: d = globalThis.document}: {document?: Document} = {}): HTMLElement {
  const wrap = el(d, "div", {class: "repro-scroll"});
  const t = el(d, "table", {"class": "atlas-table repro-table", "data-table-id": table.table_id});
  // One area for the whole table: named in the caption instead of a column.
  const areas = [...new Set(table.rows.map((r) => r.area_name))];
  const areaColumn = areas.length > 1;
  t.append(el(d, "caption", {}, `${table.short}: gedruckte Zahlen und ihre Prüfung${areaColumn ? "" : ` (${areas[0]})`}`));
  const head = el(d, "tr");
  const columns: [string, boolean][] = [["Zeile", true], ["Angabe", false], ...(areaColumn ? [["Gebiet", false] as [string, boolean]] : []), ["Stand", false], ["gedruckt", true], ["Prüfung bzw. Zweitquelle", false], ["Vergleich", true], ["Differenz", true], ["Befund", false]];
  for (const [label, numeric] of columns) {
    head.append(el(d, "th", {scope: "col", class: numeric ? "num" : undefined}, label));
  }
  const thead = el(d, "thead");
  thead.append(head);
  t.append(thead);
  const lineAnchors = new Set<string>();
  for (const row of table.rows) {
    const checks = row.checks.map((id) => doc.checks[id]);
    const body = el(d, "tbody", {"id": rowAnchor(doc, row), "class": checks.some((c) => MISMATCH.includes(c.status)) ? "repro-row repro-flagged" : "repro-row", "data-line": String(row.line)});
    const span = String(Math.max(1, checks.length));
    // The first number of a line also answers to #<slug>-z<line>: where /quellen's Fundstellen of the document lead.
    const lineAnchor = `${doc.slug}-z${row.line}`;
    const first = el(d, "tr", lineAnchors.has(lineAnchor) || d.getElementById(lineAnchor) ? {} : {id: lineAnchor});
    lineAnchors.add(lineAnchor);
    first.append(
      el(d, "td", {class: "num", rowspan: span}, String(row.line)),
      labelCell(d, doc, row, span, checks.length > 0),
      ...(areaColumn ? [el(d, "td", {rowspan: span}, row.area_name)] : []),
      el(d, "td", {rowspan: span}, row.reference_date ? formatDate(row.reference_date) : row.year === null ? "–" : String(row.year))
    );
    // Numbers stay on one line; numbers in words („mehr als die Hälfte“) may wrap.
    const printed = el(d, "td", {class: `num repro-printed${/^[^a-zäöü]*$/i.test(row.value_printed) ? " repro-nowrap" : ""}`, rowspan: span}, row.value_printed);
    if (row.qualifier) printed.append(el(d, "span", {class: "repro-detail"}, "ungefähr"));
    first.append(printed);
    if (!checks.length) {
      // A part is checked with its total: say where. Why there is no second source is said once, in the figure's notes.
      const none = el(d, "td", {colspan: "4", class: "repro-none"}, usedIn(doc, row) ?? (row.no_second_source ? "keine Prüfung möglich; keine Zweitquelle (siehe Anmerkungen)" : "keine Prüfung möglich: keine Teile, Bezugsgrößen, Wiederholungen oder Zweitquellen"));
      first.append(none);
      body.append(first);
    }
    checks.forEach((check, i) => {
      const tr = i === 0 ? first : el(d, "tr");
      tr.classList.add(`repro-check-${check.status}`);
      tr.append(
        comparisonCell(d, check),
        el(d, "td", {class: "num"}, check.reference_text),
        differenceCell(d, check),
        verdictCell(d, check)
      );
      body.append(tr);
    });
    t.append(body);
  }
  wrap.append(t);
  return wrap;
}

/** One line per (printed number × check): exactly the numbers of the table, for the data table and the CSV. */
export interface FlatRow {
  zeile: number;
  angabe: string;
  gebiet: string;
  jahr: number | null;
  stichtag: string | null;
  gedruckt_wie_im_dokument: string;
  gedruckt: number | null;
  einheit: string;
  pruefung: string;
  rechnung: string;
  vergleichswert: number | null;
  differenz: number | null;
  differenz_prozent: number | null;
  befund: string;
  fundstelle: string;
}

export function flatRows(doc: DocumentReproduction, table: Table): FlatRow[] {
  return table.rows.flatMap((row) => {
    const base = {zeile: row.line, angabe: row.label, gebiet: row.area_name, jahr: row.year, stichtag: row.reference_date, gedruckt_wie_im_dokument: row.value_printed, gedruckt: row.value, einheit: row.unit};
    if (!row.checks.length) return [{...base, pruefung: "", rechnung: "", vergleichswert: null, differenz: null, differenz_prozent: null, befund: "keine Prüfung möglich", fundstelle: `${doc.seed}:${row.line}`}];
    return row.checks.map((id) => {
      const c = doc.checks[id];
      return {
        ...base,
        pruefung: c.kind === "second_source" ? `Zweitquelle: ${c.label}` : c.kind === "repeat" ? c.label : KIND_LABEL[c.kind],
        rechnung: c.formula,
        vergleichswert: c.reference,
        differenz: c.difference,
        differenz_prozent: c.relative,
        befund: STATUS_LABEL[c.status],
        fundstelle: [`${doc.seed}:${row.line}`, ...(c.second_source?.facts.map((f) => f.ref) ?? [])].join("; ")
      };
    });
  });
}

const FLAT_COLUMNS: Column<FlatRow>[] = [
  // In the data downloads the line is part of what a number is (its place in the document), not a value.
  {key: "zeile", label: "Zeile", numeric: true, role: "category"},
  {key: "angabe", label: "Angabe"},
  {key: "gebiet", label: "Gebiet"},
  {key: "jahr", label: "Jahr", format: (v) => (v === null ? "–" : String(v))},
  {key: "stichtag", label: "Stichtag", role: "reference_date", format: (v) => formatDate(v as string | null)},
  {key: "gedruckt_wie_im_dokument", label: "gedruckt (wie im Dokument)"},
  {key: "gedruckt", label: "gedruckt (Zahl)", numeric: true, format: (v) => formatNumber(v as number | null, {digits: undefined})},
  {key: "einheit", label: "Einheit"},
  {key: "pruefung", label: "Prüfung bzw. Zweitquelle"},
  {key: "rechnung", label: "Rechnung"},
  {key: "vergleichswert", label: "Vergleichswert", numeric: true, format: (v) => (v === null ? "–" : formatNumber(v as number, {digits: Number.isInteger(v) ? 0 : 2}))},
  {key: "differenz", label: "Differenz (gedruckt − Vergleichswert)", numeric: true, format: (v) => formatDifference(v as number | null)},
  {key: "differenz_prozent", label: "Differenz in % des Vergleichswerts", numeric: true, format: (v) => formatRelative(v as number | null) || "–"},
  {key: "befund", label: "Befund"},
  {key: "fundstelle", label: "Fundstelle"}
];

export const DEFINITION =
  "Gedruckt: die Zahl wie im Dokument (Zeile der Textfassung). Vergleichswert: aus anderen gedruckten Zahlen nachgerechnet (Summe der Teile, Anteil, Veränderung, dieselbe Angabe an anderer Stelle) oder aus einer Zweitquelle des Atlas. Differenz = gedruckt − Vergleichswert. „Stimmt“, wenn die Differenz höchstens eine halbe Einheit der letzten gedruckten Stelle beträgt (25,5 % deckt 25,45 bis 25,55); „Rundungsdifferenz“, wenn die Rundung der Ausgangszahlen sie erklären kann; sonst „Abweichung“. Ungefähre Angaben („rund“, „mehr als“, „fast“) werden mit ihrer Wortbedeutung geprüft.";

/** A document table as a figure: title, side-by-side table, source, reference date, definition, data table, CSV. */
export function reproductionFigure(doc: DocumentReproduction, table: Table, {document: d = globalThis.document}: {document?: Document} = {}): HTMLElement {
  const lines = table.first_line === table.last_line ? `Z. ${table.first_line}` : `Z. ${table.first_line}–${table.last_line}`;
  const second = table.second_sources.length ? `; Zweitquellen: ${table.second_sources.join("; ")}` : "";
  const node = figure(reproductionTable(doc, table, {document: d}), {
    id: `reproduktion-${doc.slug}-${table.table_id}`,
    title: table.title === table.short ? table.title : `${table.short}: ${table.title.replace(/^(Abbildung|Tabelle)\s+\d+:\s*/, "")}`,
    subtitle: `${lines}${table.sections.length > 3 ? ` · ${count(table.sections.length, "Abschnitt", "Abschnitte")}` : table.sections.length ? ` · ${table.sections.join(" · ")}` : ""} · ${count(table.rows.length, "Zahl", "Zahlen")}, ${count(table.checks, "Prüfung", "Prüfungen")}, ${count(table.mismatches, "Abweichung", "Abweichungen")}`,
    source: `${doc.place}, ${documentTitle(doc)}, Textfassung ${doc.seed}, ${lines}; Abschrift data/documents/${doc.slug}/statistics.csv${second}`,
    date: table.dates,
    definition: DEFINITION,
    data: flatRows(doc, table),
    columns: FLAT_COLUMNS,
    notes: table.notes,
    document: d
  });
  node.setAttribute("data-table-id", table.table_id);
  node.setAttribute("data-mismatches", String(table.mismatches));
  return node;
}

/** The flagged mismatches of a document, each with its size and a link to its row. */
export function mismatchList(doc: DocumentReproduction, {document: d = globalThis.document}: {document?: Document} = {}): HTMLElement {
  const flagged = doc.checks.filter((c) => MISMATCH.includes(c.status));
  if (!flagged.length) {
    const checks = doc.summary.checks;
    return el(d, "p", {"class": "repro-no-mismatch", "data-mismatch-count": "0"}, !checks ? "Keine Abweichung – es gibt nichts nachzurechnen." : checks === 1 ? "Keine Abweichung: die eine Prüfung stimmt im Rahmen der gedruckten Genauigkeit." : `Keine Abweichung: alle ${formatNumber(checks, {digits: 0})} Prüfungen stimmen im Rahmen der gedruckten Genauigkeit (oder dienen nur der Einordnung).`);
  }
  const list = el(d, "ol", {"class": "repro-mismatches", "data-mismatch-count": String(flagged.length)});
  for (const check of flagged) {
    const row = doc.tables.find((t) => t.table_id === check.table_id)!.rows.find((r) => r.row === check.row)!;
    const li = el(d, "li", {"class": `repro-${check.status}`, "data-mismatch": "", "data-status": check.status, "data-table-id": check.table_id, "data-line": String(check.line), "data-kind": check.kind, "data-difference": String(check.difference)});
    const link = el(d, "a", {href: `#${rowAnchor(doc, row)}`}, describeMismatch(doc, check));
    li.append(link);
    list.append(li);
  }
  return list;
}

/** „1 Zahl“, „2 Zahlen“: German number and noun. */
export function count(n: number, singular: string, plural: string): string {
  return `${formatNumber(n, {digits: 0})} ${n === 1 ? singular : plural}`;
}

function summaryLine(s: Summary): string {
  const parts = [`${count(s.numbers, "gedruckte Zahl", "gedruckte Zahlen")} in ${count(s.tables, "Tabelle", "Tabellen")} (Text mitgezählt)`];
  if (!s.checks) return `${parts[0]}; keine Prüfung möglich.`;
  const kinds = [s.abweichung && count(s.abweichung, "echte", "echte"), s.rundung && count(s.rundung, "Rundungsdifferenz", "Rundungsdifferenzen"), s.eingeschraenkt && `${formatNumber(s.eingeschraenkt, {digits: 0})} bei nur eingeschränkt vergleichbarer Zweitquelle`].filter(Boolean);
  const flagged = s.mismatches ? `${count(s.mismatches, "Abweichung", "Abweichungen")} (${kinds.join(", ")})` : "keine Abweichung";
  const extra = [s.kontext && count(s.kontext, "Wert nur zur Einordnung", "Werte nur zur Einordnung"), s.fehlt && count(s.fehlt, "Vergleich ohne Wert", "Vergleiche ohne Wert")].filter(Boolean);
  return `${parts[0]}, ${count(s.checks, "Prüfung", "Prüfungen")}: ${s.ok === 1 ? "1 stimmt" : `${formatNumber(s.ok, {digits: 0})} stimmen`}, ${flagged}${extra.length ? `, ${extra.join(", ")}` : ""}.`;
}

/** Everything of one document's page below its heading. */
export function reproductionPage(data: Reproduction, slug: string, {document: d = globalThis.document}: {document?: Document} = {}): HTMLElement {
  const doc = data.documents.find((x) => x.slug === slug);
  const root = el(d, "div", {"class": "repro-page", "data-document": slug});
  if (!doc) {
    root.append(el(d, "p", {class: "atlas-notice", role: "status"}, "Die Reproduktion konnte beim Bau nicht erstellt werden (Datei reproduction.json ohne dieses Dokument)."));
    return root;
  }
  for (const source of data.unavailable) {
    root.append(el(d, "p", {"class": "atlas-notice", "role": "status", "data-missing-source": source}, `Zweitquelle beim Bau nicht verfügbar: ${source}. Ihre Vergleiche stehen als „kein Vergleichswert“ da.`));
  }
  root.append(el(d, "p", {}, `${doc.place}: ${documentTitle(doc)}. Textfassung ${doc.seed}; jede Zahl mit ihrer Zeile.`));
  root.append(el(d, "p", {"class": "repro-summary", "data-summary": ""}, summaryLine(doc.summary)));
  const legend = el(d, "ul", {class: "repro-legend", "aria-label": "Befunde"});
  for (const status of ["ok", "rundung", "abweichung", "eingeschraenkt", "kontext", "fehlt"] as Status[]) legend.append(el(d, "li", {class: `repro-${status}`}, STATUS_LABEL[status]));
  root.append(legend);
  root.append(el(d, "h2", {id: `${slug}-abweichungen`}, `Abweichungen (${formatNumber(doc.summary.mismatches, {digits: 0})})`));
  root.append(mismatchList(doc, {document: d}));
  root.append(el(d, "h2", {id: `${slug}-tabellen`}, `Tabellen des Dokuments (${formatNumber(doc.tables.length, {digits: 0})})`));
  const toc = el(d, "ul", {"class": "repro-toc", "data-table-list": ""});
  for (const table of doc.tables) {
    const li = el(d, "li", {"data-table-id": table.table_id});
    li.append(el(d, "a", {href: `#figure-reproduktion-${doc.slug}-${table.table_id}`}, `${table.short}${table.title !== table.short ? `: ${table.title.replace(/^(Abbildung|Tabelle)\s+\d+:\s*/, "")}` : ""}`), d.createTextNode(` – ${count(table.rows.length, "Zahl", "Zahlen")}, ${count(table.mismatches, "Abweichung", "Abweichungen")}`));
    toc.append(li);
  }
  root.append(toc);
  for (const table of doc.tables) root.append(reproductionFigure(doc, table, {document: d}));
  return root;
}

export interface SummaryRow {
  dokument: string;
  slug: string;
  tabellen: number;
  zahlen: number;
  pruefungen: number;
  stimmen: number;
  abweichungen: number;
  echt: number;
  rundung: number;
  eingeschraenkt: number;
  zweitquelle: number;
}

export function summaryRows(data: Reproduction): SummaryRow[] {
  return data.documents.map((doc) => ({
    dokument: `${doc.place} (${doc.year})`,
    slug: doc.slug,
    tabellen: doc.summary.tables,
    zahlen: doc.summary.numbers,
    pruefungen: doc.summary.checks,
    stimmen: doc.summary.ok,
    abweichungen: doc.summary.mismatches,
    echt: doc.summary.abweichung,
    rundung: doc.summary.rundung,
    eingeschraenkt: doc.summary.eingeschraenkt,
    zweitquelle: doc.summary.second_source
  }));
}

/** The index: per document tables, numbers, checks and mismatches, each linking to its page. */
export function summaryFigure(data: Reproduction, {document: d = globalThis.document, base = "./"}: {document?: Document; base?: string} = {}): HTMLElement {
  const rows = summaryRows(data);
  const n = (v: unknown) => formatNumber(v as number, {digits: 0});
  const t = el(d, "table", {class: "atlas-table repro-index"});
  t.append(el(d, "caption", {}, "Reproduktion je Konzeptdokument"));
  const head = el(d, "tr");
  for (const [label, numeric] of [["Dokument", false], ["Tabellen", true], ["Zahlen", true], ["Prüfungen", true], ["stimmen", true], ["Abweichungen", true], ["davon echt", true], ["davon Rundung", true], ["davon eingeschränkt vergleichbar", true], ["Zweitquellen-Vergleiche", true]] as const) {
    head.append(el(d, "th", {scope: "col", class: numeric ? "num" : undefined}, label));
  }
  const thead = el(d, "thead");
  thead.append(head);
  t.append(thead);
  const body = el(d, "tbody");
  for (const r of rows) {
    const tr = el(d, "tr", {"data-document": r.slug, "class": r.abweichungen ? "repro-flagged" : undefined});
    const name = el(d, "th", {scope: "row"});
    name.append(el(d, "a", {href: `${base}${r.slug}`}, r.dokument));
    tr.append(name);
    for (const key of ["tabellen", "zahlen", "pruefungen", "stimmen", "abweichungen", "echt", "rundung", "eingeschraenkt", "zweitquelle"] as const) {
      tr.append(el(d, "td", {"class": "num", "data-key": key}, n(r[key])));
    }
    body.append(tr);
  }
  t.append(body);
  const wrap = el(d, "div", {class: "repro-scroll"});
  wrap.append(t);
  return figure(wrap, {
    id: "reproduktion-uebersicht",
    title: "Nachgerechnete Zahlen der fünf Integrationskonzepte",
    source: "Abschriften der Konzeptdokumente (data/documents/*/statistics.csv); Regeln data/documents/reproduction-rules.csv; Zweitquellen nach data/documents/reproduction-matches.csv: Integrationsmonitoring Niedersachsen (LSN), Stadt Göttingen (GÖSIS, SDG 10-1)",
    date: "Stand der Dokumente 2016–2024; Zweitquellen je Vergleich",
    definition: DEFINITION,
    data: rows,
    columns: [
      {key: "dokument", label: "Dokument"},
      {key: "tabellen", label: "Tabellen (mit Text)", numeric: true, format: n},
      {key: "zahlen", label: "Zahlen", numeric: true, format: n},
      {key: "pruefungen", label: "Prüfungen", numeric: true, format: n},
      {key: "stimmen", label: "stimmen", numeric: true, format: n},
      {key: "abweichungen", label: "Abweichungen", numeric: true, format: n},
      {key: "echt", label: "davon echt", numeric: true, format: n},
      {key: "rundung", label: "davon Rundung", numeric: true, format: n},
      {key: "eingeschraenkt", label: "davon eingeschränkt vergleichbar", numeric: true, format: n},
      {key: "zweitquelle", label: "Zweitquellen-Vergleiche", numeric: true, format: n}
    ],
    document: d
  });
}
