/**
 * The frame of every chart and map: title, the chart, a caption with source,
 * reference date and definition, a data table a screen reader can use, and a
 * CSV download of exactly the numbers shown. Text goes in as text, never as
 * HTML (names come from sources).
 */
import {formatDate} from "./format.js";
import {exportSvg, serializeSvg, type ExportMeta} from "./exportsvg.js";
import {embedInfo, embedPaths, type ChartEntry} from "./charts/registry.js";
import {exportRecords, germanCsv, machineCsv, metadataJson, type BreakMark, type ExportColumn, type SourceRef} from "./exportdata.js";
import {breakLine, breaksBefore, type BreakEntry} from "./comparability.js";
import {commitUrl, licenceText, rawUrl, sourcesNamedIn, sourceSummary} from "./provenance.js";

export interface Column<T> {
  key: keyof T & string;
  label: string;
  format?: (value: unknown, row: T) => string;
  /** Right-aligned numeric column. */
  numeric?: boolean;
  /** For the data downloads: unit (fact-model name), published decimal places, role (see exportdata.ts). */
  unit?: ExportColumn["unit"];
  digits?: ExportColumn["digits"];
  role?: ExportColumn["role"];
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
  /** The sources behind the numbers (ids of data/sources.json) and their pinned files: licence by name, metadata with commit and files. */
  sources?: SourceRef[];
  /** The day (ISO) a row's value refers to, for the data downloads. */
  referenceDate?: (row: T, year: number | null) => string | null;
  /** The numbers shown; the table and the CSV are made from exactly these. */
  data: T[];
  columns: Column<T>[];
  /** Extra notes under the caption (comparability, flags). */
  notes?: string[];
  /** The series breaks within the years shown (registry entries): named in the caption, on the image and in the downloads. */
  breaks?: readonly BreakEntry[];
  /** The breaks a row's value lies after; default: those up to its year. A change names the breaks it reaches across. */
  breaksOfRow?: (row: T, year: number | null) => readonly BreakMark[];
  /** Embed page and static SVG of a chart outside the registry (charts generated per place). */
  embed?: ChartEntry;
  /**
   * A figure already in the page whose chart is `chart` itself (a map
   * recoloured in place): title, caption, table and buttons are replaced
   * around the chart, which never leaves the page, so the browser neither
   * lays out nor repaints its shapes again.
   */
  into?: Element | null;
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
      // The raw value beside the formatted text: the CSV's field, for readers and tests of the numbers.
      const missing = value === null || value === undefined;
      tr.append(el(doc, "td", {"class": c.numeric ? "num" : undefined, "data-value": missing ? "" : String(value), "data-missing": missing ? "true" : undefined}, c.format ? c.format(value, row) : missing ? "–" : String(value)));
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** The reference date as the caption prints it. */
export function formatStand(date: string | number): string {
  return typeof date === "number" ? String(date) : /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date;
}

/** Printed on an exported image whose figure names neither sources nor a licence: says so instead of implying one. */
export const DEFAULT_LICENCE = "für diese Abbildung nicht einzeln angegeben; Lizenz jeder Quelle mit Namen: Integrationsatlas, Seite „Quellen und Datenqualität“";

/** The sources of a figure: as it lists them, else those its source line names (without files). */
export function sourcesOfFigure<T>(options: Pick<FigureOptions<T>, "sources" | "source">): SourceRef[] {
  return options.sources?.length ? options.sources : sourcesNamedIn(options.source).map((id) => ({id}));
}

/** The licence line: each source's licence by name; else the figure's own text. */
export function licenceOfFigure<T>(options: Pick<FigureOptions<T>, "sources" | "licence" | "source">): string {
  const sources = sourcesOfFigure(options);
  return sources.length ? licenceText(sources.map((s) => s.id)) : options.licence ?? DEFAULT_LICENCE;
}

/** The three data downloads of a figure: CSV for German spreadsheets, machine CSV, metadata JSON. */
export function figureDownloads<T>(options: FigureOptions<T>, {url, root}: {url?: string; root?: string} = {}): {german: string; machine: string; metadata: string} {
  const dated = typeof options.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? options.date : null;
  const records = exportRecords(options.data, options.columns as ExportColumn[], {referenceDate: options.referenceDate ?? (() => dated), breaksOf: options.breaksOfRow ?? ((_, year) => breaksBefore(options.breaks ?? [], year))});
  return {
    german: germanCsv(records),
    machine: machineCsv(records),
    metadata: metadataJson({
      id: options.id,
      title: options.title,
      subtitle: options.subtitle,
      definition: options.definition,
      notes: options.notes,
      source: options.source,
      sources: sourcesOfFigure(options),
      date: {printed: formatStand(options.date), iso: dated},
      licence: licenceOfFigure(options),
      url,
      root,
      records,
      breaks: options.breaks
    })
  };
}

/** The series breaks of a figure in one line („…; …“), or undefined when none. */
export function breaksText(breaks: readonly BreakEntry[] | undefined): string | undefined {
  return breaks?.length ? breaks.map(breakLine).join("; ") : undefined;
}

/** Title, source, date, licence and CSV of a figure, as the exported image prints them. */
export function figureMeta<T>(options: FigureOptions<T>, url?: string): ExportMeta {
  return {
    id: options.id,
    title: options.title,
    subtitle: options.subtitle,
    source: options.source,
    date: formatStand(options.date),
    licence: licenceOfFigure(options),
    breaks: breaksText(options.breaks),
    url,
    csv: csvOf(options.data, options.columns)
  };
}

// Chart element and options of every figure made, for its export (the DOM node alone would lose the options).
const made = new WeakMap<Element, {chart: Element; options: FigureOptions<never>}>();

/**
 * A figure made by figure() as one standalone SVG image with title, source,
 * reference date, licence and URL on it, and its CSV in <metadata>.
 */
export function exportFigure(root: Element, {document: doc = root.ownerDocument, url, width}: {document?: Document; url?: string; width?: number} = {}): SVGSVGElement {
  const entry = made.get(root);
  if (!entry) throw new Error("exportFigure: not a figure made by figure()");
  return exportSvg(entry.chart, figureMeta(entry.options, url), {document: doc, width});
}

/** The data downloads of a figure made by figure(), as its buttons write them. */
export function figureFiles(root: Element, where: {url?: string; root?: string} = {}): ReturnType<typeof figureDownloads> {
  const entry = made.get(root);
  if (!entry) throw new Error("figureFiles: not a figure made by figure()");
  return figureDownloads(entry.options, where);
}

function download(doc: Document, blob: Blob, filename: string): void {
  const a = el(doc, "a", {href: URL.createObjectURL(blob), download: filename});
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The site root as seen from this module (served at <root>/_import/components/figure.js). */
function siteRoot(): URL | null {
  try {
    return typeof location === "undefined" ? null : new URL("../../", import.meta.url);
  } catch {
    return null;
  }
}

/** The page's own address without the fragment: printed on the image. */
function pageUrl(): string | undefined {
  return typeof location === "undefined" ? undefined : location.href.replace(/#.*$/, "");
}

/** PNG of the exported SVG at twice the size: drawn into a canvas, nothing loaded from anywhere. */
async function pngOf(svg: SVGSVGElement, text: string, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("Das Bild der Abbildung ließ sich nicht zeichnen."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("Kein Canvas verfügbar.");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG konnte nicht erzeugt werden."))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The "Einbetten" disclosure: iframe snippet, embed page, static SVG and module, for charts that have them. */
function embedDetails(doc: Document, id: string, entry?: ChartEntry): HTMLElement | null {
  const info = entry ?? embedInfo(id);
  if (!info) return null;
  const details = el(doc, "details", {class: "atlas-embed"});
  details.append(el(doc, "summary", {}, "Einbetten"));
  const body = el(doc, "div");
  details.append(body);
  // Filled on opening: the URL then holds the reader's current choice (year, indicator …).
  details.addEventListener("toggle", () => {
    if (!details.open) return;
    const root = siteRoot();
    const base = root ? root.href : "/";
    const search = typeof location === "undefined" ? "" : location.search;
    const paths = embedPaths(info);
    // Charts generated per place have no URL parameters: their embed page is one fixed view.
    const embedUrl = `${base}${paths.embed}${info.params.length ? search : ""}`;
    const snippet = `<iframe src="${embedUrl}" title="${info.title.replace(/"/g, "&quot;")}" width="100%" height="${info.height}" style="border:0" loading="lazy"></iframe>`;
    const code = el(doc, "textarea", {"readonly": "", "rows": "3", "class": "atlas-embed-code", "aria-label": "HTML-Code zum Einbetten"});
    code.value = snippet;
    const list = el(doc, "ul");
    const item = (label: string, href: string, note?: string) => {
      const li = el(doc, "li");
      li.append(doc.createTextNode(`${label}: `), el(doc, "a", {href}, href));
      if (note) li.append(doc.createTextNode(` ${note}`));
      list.append(li);
    };
    item(info.params.length ? "Einbettungsseite (ohne Navigation, dieselben URL-Parameter wie hier)" : "Einbettungsseite (ohne Navigation, eine feste Ansicht)", embedUrl);
    if (info.static) item("Statisches SVG (Standardansicht, beim Bau erzeugt)", `${base}${paths.svg}`);
    item("Alle Abbildungen, Modul und Hinweise", `${base}einbetten/`);
    body.replaceChildren(el(doc, "p", {}, "HTML-Code für einen Bericht oder eine Webseite:"), code, list);
  });
  return details;
}

const printReady = new WeakSet<Document>();

/** Figures' data tables longer than this are built on first opening. */
export const LAZY_ROWS = 100;
/** The builder of each lazy table, by its details element (printing opens them all). */
const lazyTables = new WeakMap<Element, () => void>();

/**
 * On paper every figure's data table is open and every link shows where it
 * leads (its absolute address, for the print stylesheet); afterwards the
 * page is as it was.
 */
export function installPrintSupport(doc: Document): void {
  const win = doc.defaultView;
  if (!win || printReady.has(doc)) return;
  printReady.add(doc);
  let opened: HTMLDetailsElement[] = [];
  win.addEventListener("beforeprint", () => {
    opened = [...doc.querySelectorAll<HTMLDetailsElement>("details.atlas-figure-data:not([open])")];
    for (const d of opened) {
      d.open = true;
      // Now, not on the toggle event, which comes after the print is laid out.
      lazyTables.get(d)?.();
    }
    for (const a of doc.querySelectorAll<HTMLAnchorElement>("#observablehq-main a[href], #observablehq-footer a[href]")) {
      if (!a.getAttribute("href")?.startsWith("#") && !a.closest("figure, table")) a.dataset.printUrl = a.href;
    }
  });
  win.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** Under „Quelle“: the pinned commit and the exact files behind the figure, each at its canonical URL, and the register entry with their SHA-256. */
function sourceFiles(doc: Document, sources: SourceRef[]): HTMLElement | null {
  const known = sources.map((ref) => ({ref, src: sourceSummary(ref.id)})).filter((x) => x.src);
  if (!known.length) return null;
  const details = el(doc, "details", {class: "atlas-figure-files"});
  details.append(el(doc, "summary", {}, "Dateien und Commit dieser Abbildung"));
  const list = el(doc, "ul");
  const register = `${siteRoot()?.href ?? "/"}quellen#quelle-`;
  for (const {ref, src} of known) {
    if (!src) continue;
    const li = el(doc, "li", {"data-source": src.id});
    li.append(doc.createTextNode(`${src.title}: Commit `), el(doc, "a", {href: commitUrl(src)}, `${src.repository} @ ${src.commit.slice(0, 7)}`), doc.createTextNode(" · "), el(doc, "a", {href: register + src.id}, "SHA-256 im Quellenregister"));
    const files = el(doc, "ul");
    for (const path of ref.files ?? []) {
      const item = el(doc, "li");
      item.append(el(doc, "a", {href: rawUrl(src, path)}, path));
      const sha = ref.sha256?.[path];
      if (sha) item.append(doc.createTextNode(" · SHA-256 "), el(doc, "code", {class: "atlas-sha256"}, sha));
      files.append(item);
    }
    if (files.childElementCount) li.append(files);
    list.append(li);
  }
  details.append(list);
  return details;
}

export function figure<T>(chart: Element, options: FigureOptions<T>): HTMLElement {
  const doc = options.document ?? globalThis.document;
  installPrintSupport(doc);
  const kept = options.into && made.has(options.into) ? options.into.querySelector<HTMLElement>(":scope > .atlas-figure-body") : null;
  const previous = kept?.firstElementChild === chart && kept.childElementCount === 1 ? (options.into as HTMLElement) : null;
  const root = previous ?? el(doc, "figure", {"class": "atlas-figure", "data-chart": options.id, "id": `figure-${options.id}`});
  made.set(root, {chart, options: options as unknown as FigureOptions<never>});
  const body = previous ? (kept as HTMLElement) : el(doc, "div", {class: "atlas-figure-body"});
  if (previous) {
    for (const child of [...root.children]) if (child !== body) child.remove();
  } else {
    body.append(chart);
    root.append(body);
  }
  // Before the chart: title and subtitle; after it, the rest in order.
  body.before(el(doc, "h3", {class: "atlas-figure-title"}, options.title));
  if (options.subtitle) body.before(el(doc, "p", {class: "atlas-figure-subtitle"}, options.subtitle));
  const caption = el(doc, "figcaption", {class: "atlas-figure-caption"});
  const line = (labelText: string, text: string) => {
    const p = el(doc, "p");
    p.append(el(doc, "strong", {}, `${labelText}: `), doc.createTextNode(text));
    caption.append(p);
  };
  line("Quelle", `${options.source} (Lizenz: ${licenceOfFigure(options)})`);
  const pinnedFiles = sourceFiles(doc, sourcesOfFigure(options));
  if (pinnedFiles) caption.append(pinnedFiles);
  line("Stand", formatStand(options.date));
  const breaks = breaksText(options.breaks);
  if (breaks) {
    line("Reihenbruch", `${breaks}. Werte vor und nach dem Bruch sind nur eingeschränkt vergleichbar; die Daten nennen ihn je Zeile.`);
    const p = caption.lastElementChild as HTMLElement;
    p.className = "atlas-break";
    p.dataset.breaks = (options.breaks ?? []).map((b) => b.id).join(" ");
  }
  line("Definition", options.definition);
  for (const note of options.notes ?? []) caption.append(el(doc, "p", {class: "atlas-note"}, note));
  root.append(caption);
  const details = el(doc, "details", {class: "atlas-figure-data"});
  details.append(el(doc, "summary", {}, "Daten als Tabelle"));
  // Wide tables (a year per column) scroll inside their own box, not the page or the embed.
  const scroll = el(doc, "div", {class: "atlas-table-scroll"});
  const fill = () => {
    if (!scroll.firstChild) scroll.append(dataTable(options.data, options.columns, {caption: options.title, document: doc}));
  };
  // A long table is built when first opened (or printed): the Germany map's 401 rows, never opened, were a fifth of a year change.
  if (options.data.length <= LAZY_ROWS) fill();
  else {
    lazyTables.set(details, fill);
    details.addEventListener("toggle", () => details.open && fill());
  }
  details.append(scroll);
  root.append(details);
  const actions = el(doc, "div", {class: "atlas-figure-actions"});
  // Made on click: the URL then holds the reader's view.
  const files = () => figureDownloads(options, {url: pageUrl(), root: siteRoot()?.href});
  const csv = el(doc, "button", {"type": "button", "class": "atlas-download", "title": "UTF-8 mit BOM, Semikolon, Dezimalkomma: öffnet in Excel und LibreOffice mit deutscher Einstellung als Zahlen"}, "CSV (Excel, deutsch)");
  csv.addEventListener("click", () => download(doc, new Blob([files().german], {type: "text/csv;charset=utf-8"}), `${options.id}.csv`));
  const machine = el(doc, "button", {"type": "button", "class": "atlas-download-machine", "title": "Komma als Trennzeichen, Dezimalpunkt, ISO-Daten"}, "CSV (maschinenlesbar)");
  machine.addEventListener("click", () => download(doc, new Blob([files().machine], {type: "text/csv;charset=utf-8"}), `${options.id}-daten.csv`));
  const meta = el(doc, "button", {"type": "button", "class": "atlas-download-meta", "title": "Titel, Definition, Quelle mit Commit und Dateien, Stand, Lizenz, Adresse"}, "Metadaten (JSON)");
  meta.addEventListener("click", () => download(doc, new Blob([files().metadata], {type: "application/json;charset=utf-8"}), `${options.id}-metadaten.json`));
  const png = el(doc, "button", {type: "button", class: "atlas-export-png"}, "PNG herunterladen");
  const svg = el(doc, "button", {type: "button", class: "atlas-export-svg"}, "SVG herunterladen");
  const status = el(doc, "span", {"class": "atlas-export-status", "role": "status"});
  const image = () => {
    const node = exportFigure(root, {document: doc, url: pageUrl()});
    return {node, text: serializeSvg(node)};
  };
  svg.addEventListener("click", () => download(doc, new Blob([image().text], {type: "image/svg+xml;charset=utf-8"}), `${options.id}.svg`));
  png.addEventListener("click", async () => {
    status.textContent = "";
    try {
      const {node, text} = image();
      download(doc, await pngOf(node, text), `${options.id}.png`);
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  actions.append(csv, machine, meta, png, svg, status);
  root.append(actions);
  const embed = embedDetails(doc, options.id, options.embed);
  if (embed) root.append(embed);
  return root;
}

/** A visible notice for a source the build could not read. */
export function missingNotice(source: {id: string; title: string; how_to_get?: string | null}, doc: Document = globalThis.document): HTMLElement {
  const box = el(doc, "div", {"class": "atlas-notice", "role": "status", "data-missing-source": source.id});
  box.append(el(doc, "strong", {}, `Quelle nicht verfügbar: ${source.title}`));
  box.append(el(doc, "p", {}, `Diese Darstellung braucht die Quelle „${source.id}“, die beim Bau der Seite nicht gelesen werden konnte. ${source.how_to_get ?? ""}`));
  return box;
}
