/**
 * A chart as one self-contained SVG image: title above, the chart (its SVGs,
 * and its HTML legends, headings and tables redrawn as SVG text and shapes),
 * and source, reference date, licence and address below, all on the image.
 * The numbers go along: every drawn element keeps its data attributes and
 * <title>, and a <metadata> element holds the CSV of the figure.
 *
 * The layout is a plain vertical flow computed without measuring the page,
 * so the browser's download and the build's static file (jsdom, no layout)
 * come out the same. System fonts only; nothing is loaded.
 */

const SVG = "http://www.w3.org/2000/svg";
export const EXPORT_FONT = 'system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Arial, sans-serif';
const MARGIN = 16;
const GAP = 8;

export interface ExportMeta {
  title: string;
  subtitle?: string;
  source: string;
  /** The reference date as printed (already formatted). */
  date: string;
  licence: string;
  /** The series breaks within the figure's years, in words (printed as „Reihenbruch: …“). */
  breaks?: string;
  /** Where the figure lives (page or embed URL). */
  url?: string;
  /** The CSV of exactly the numbers shown, carried in <metadata>. */
  csv?: string;
  id?: string;
}

/** Width of a text in px at a font size: a generous estimate, no measuring. */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += /[mwMW@%]/.test(ch) ? 0.85 : /[A-ZÄÖÜ0-9]/.test(ch) ? 0.64 : /[iljtf.,:;'!|() ]/.test(ch) ? 0.32 : 0.54;
  // 10 % to spare: the image's font is the reader's system font, not the one estimated here.
  return w * size * (bold ? 1.2 : 1.1);
}

/** Greedy word wrap to a width. */
export function wrap(text: string, size: number, width: number, bold = false): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function svgEl(doc: Document, tag: string, attrs: Record<string, string | number | undefined> = {}): SVGElement {
  const node = doc.createElementNS(SVG, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
  return node;
}

function textLines(doc: Document, parent: Element, lines: string[], x: number, y: number, size: number, attrs: Record<string, string | number> = {}): number {
  const lineHeight = Math.round(size * 1.3);
  lines.forEach((line, i) => {
    const t = svgEl(doc, "text", {x, y: y + size + i * lineHeight, "font-size": size, ...attrs});
    t.textContent = line;
    parent.append(t);
  });
  return lines.length * lineHeight;
}

const SKIP = new Set(["style", "script", "button", "input", "select", "option", "textarea", "form", "template", "details", "label", "noscript"]);

function classOf(node: Element): string {
  return node.getAttribute("class") ?? "";
}

function numberAttr(node: Element, name: string): number | null {
  const v = node.getAttribute(name);
  if (v === null || v === "" || v.endsWith("%")) return null;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : null;
}

/** The drawn size of a chart SVG from its attributes (width/height, else the viewBox). */
export function svgSize(svg: Element): {width: number; height: number} {
  const box = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const width = numberAttr(svg, "width") ?? (box.length === 4 ? box[2] : 640);
  const height = numberAttr(svg, "height") ?? (box.length === 4 ? box[3] : 400);
  return {width, height};
}

function isLegend(node: Element): boolean {
  const cls = classOf(node);
  return /(^|\s)atlas-legend(\s|$)/.test(cls) || /-swatches(\s|$)/.test(cls);
}

function colourOf(style: CSSStyleDeclaration | undefined): string | null {
  if (!style) return null;
  return style.backgroundColor || style.background || null;
}

class Flow {
  constructor(readonly doc: Document, public out: Element) {}

  /** Lays out `node` at (x, y) within `width`; returns the height used. */
  node(node: Node, x: number, y: number, width: number): number {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? "").trim();
      return text ? textLines(this.doc, this.out, wrap(text, 12, width), x, y, 12) + 2 : 0;
    }
    if (node.nodeType !== 1) return 0;
    const el = node as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag) || el.hidden || el.getAttribute("aria-hidden") === "true" && tag !== "svg") return 0;
    // HTML wrappers with data attributes (a small multiple's year) become groups that keep them.
    const data = [...el.attributes].filter((a) => a.name.startsWith("data-"));
    if (tag !== "svg" && data.length) {
      const g = svgEl(this.doc, "g");
      for (const a of data) g.setAttribute(a.name, a.value);
      this.out.append(g);
      const outer = this.out;
      this.out = g;
      try {
        return this.content(el, tag, x, y, width);
      } finally {
        this.out = outer;
      }
    }
    return this.content(el, tag, x, y, width);
  }

  private content(el: HTMLElement, tag: string, x: number, y: number, width: number): number {
    if (tag === "svg") return this.svg(el, x, y, width);
    if (isLegend(el)) return this.legend(el, x, y, width);
    if (tag === "table") return this.table(el as HTMLTableElement, x, y, width);
    if (el.style?.display === "grid" || /atlas-multiples-grid/.test(classOf(el))) return this.grid(el, x, y, width);
    const elementChildren = [...el.children].filter((c) => !SKIP.has(c.tagName.toLowerCase()));
    const inline = elementChildren.every((c) => ["strong", "em", "b", "i", "span", "a", "br", "abbr", "small", "code"].includes(c.tagName.toLowerCase()) && !c.querySelector("svg"));
    if (inline) {
      const text = (el.textContent ?? "").trim();
      if (!text) return 0;
      const heading = /^h[1-6]$/.test(tag) || /atlas-multiples-year/.test(classOf(el));
      const size = heading ? 13 : /atlas-note|atlas-explain/.test(classOf(el)) ? 11 : 12;
      return textLines(this.doc, this.out, wrap(text, size, width, heading), x, y, size, heading ? {"font-weight": 600} : {}) + 4;
    }
    let h = 0;
    for (const child of el.childNodes) {
      const used = this.node(child, x, y + h, width);
      if (used > 0) h += used + (child.nodeType === 1 && (child as Element).tagName.toLowerCase() === "svg" ? 2 : 0);
    }
    return h;
  }

  svg(el: Element, x: number, y: number, width: number): number {
    const {width: w, height: h} = svgSize(el);
    const scale = w > width ? width / w : 1;
    const clone = el.cloneNode(true) as Element;
    // A hover tip is a state of the page, not part of the figure.
    for (const tip of clone.querySelectorAll("g[aria-label='tip']")) tip.remove();
    // Tooltips that exist only as a data attribute (Plot's tips) become <title> elements in the image.
    for (const mark of clone.querySelectorAll("[data-label]")) {
      if ([...mark.children].some((c) => c.tagName.toLowerCase() === "title")) continue;
      const title = svgEl(this.doc, "title");
      title.textContent = mark.getAttribute("data-label");
      mark.append(title);
    }
    if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
    clone.setAttribute("x", String(x));
    clone.setAttribute("y", String(y));
    clone.setAttribute("width", String(w * scale));
    clone.setAttribute("height", String(h * scale));
    // Explicit size beats Plot's `height: auto; max-width: 100%` class rule inside the image.
    const own = (clone.getAttribute("style") ?? "").replace(/;?\s*$/, "");
    clone.setAttribute("style", `${own ? `${own};` : ""}width:${w * scale}px;height:${h * scale}px;max-width:none;overflow:visible;font-family:${EXPORT_FONT}`);
    this.out.append(clone);
    return h * scale;
  }

  legend(el: Element, x: number, y: number, width: number): number {
    const items = [...el.children].filter((c) => c.tagName.toLowerCase() !== "style");
    const size = 11;
    const rowHeight = 17;
    let cx = x;
    let cy = y;
    for (const item of items) {
      const text = (item.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text) continue;
      const swatch = item.querySelector(".atlas-swatch, svg") as HTMLElement | null;
      const w = (swatch ? 17 : 0) + textWidth(text, size) + 14;
      if (cx > x && cx + w > x + width) {
        cx = x;
        cy += rowHeight;
      }
      const g = svgEl(this.doc, "g", {"class": "legend-item", "data-legend": text});
      if (swatch) {
        const cls = classOf(swatch);
        if (swatch.tagName.toLowerCase() === "svg") {
          g.append(svgEl(this.doc, "rect", {x: cx, y: cy + 2, width: 12, height: 11, fill: swatch.getAttribute("fill") ?? "#999"}));
        } else if (/atlas-swatch-line/.test(cls)) {
          const colour = swatch.style?.borderLeftColor || "#222";
          g.append(svgEl(this.doc, "line", {"x1": cx + 6, "x2": cx + 6, "y1": cy + 1, "y2": cy + 14, "stroke": colour, "stroke-width": 3}));
        } else {
          const nodata = /atlas-legend-nodata/.test(classOf(item));
          g.append(svgEl(this.doc, "rect", {x: cx, y: cy + 2, width: 12, height: 11, fill: nodata ? "url(#atlas-export-hatch)" : colourOf(swatch.style) ?? "#999", stroke: "#aaa"}));
        }
      }
      const t = svgEl(this.doc, "text", {"x": cx + (swatch ? 17 : 0), "y": cy + 12, "font-size": size});
      t.textContent = text;
      g.append(t);
      this.out.append(g);
      cx += w;
    }
    return cy - y + rowHeight + 4;
  }

  table(el: HTMLTableElement, x: number, y: number, width: number): number {
    const size = 11;
    const layout = tableLayout(el);
    if (!layout.rows) return 0;
    const {cells, columns} = layout;
    // Column widths: what the one-column cells need (long text capped: it wraps), never below the longest word.
    const natural = Array.from({length: columns}, () => 30);
    const least = Array.from({length: columns}, () => 30);
    for (const c of cells.filter((c) => c.colspan === 1)) {
      natural[c.col] = Math.max(natural[c.col], Math.min(260, textWidth(c.text, size, c.head) + 12));
      least[c.col] = Math.max(least[c.col], ...c.text.split(" ").map((w) => textWidth(w, size, c.head) + 12));
    }
    const total = natural.reduce((sum, w) => sum + w, 0);
    const minimum = least.reduce((sum, w) => sum + w, 0);
    const widths = total <= width ? natural
      : minimum >= width ? least.map((w) => (w * width) / minimum)
      : natural.map((w, i) => least[i] + ((w - least[i]) * (width - minimum)) / Math.max(1, total - minimum));
    const left = (col: number) => x + widths.slice(0, col).reduce((sum, w) => sum + w, 0);
    const span = (c: TableCell) => widths.slice(c.col, c.col + c.colspan).reduce((sum, w) => sum + w, 0);
    const lineHeight = Math.round(size * 1.3);
    const wrapped = cells.map((c) => wrap(c.text, size, span(c) - 8, c.head));
    // Row heights: single-row cells first; a cell spanning rows enlarges its last row if the rows are too low.
    const heights = Array.from({length: layout.rows}, () => lineHeight + 3);
    cells.forEach((c, i) => {
      if (c.rowspan === 1) heights[c.row] = Math.max(heights[c.row], Math.max(1, wrapped[i].length) * lineHeight + 3);
    });
    cells.forEach((c, i) => {
      const need = Math.max(1, wrapped[i].length) * lineHeight + 3;
      const have = heights.slice(c.row, c.row + c.rowspan).reduce((sum, h) => sum + h, 0);
      if (have < need) heights[c.row + c.rowspan - 1] += need - have;
    });
    const top = (row: number) => y + heights.slice(0, row).reduce((sum, h) => sum + h, 0);
    cells.forEach((c, i) => {
      const attrs: Record<string, string | number> = c.head ? {"font-weight": 600} : {};
      if (c.num) attrs["text-anchor"] = "end";
      textLines(this.doc, this.out, wrapped[i].length ? wrapped[i] : [""], c.num ? left(c.col) + span(c) - 6 : left(c.col), top(c.row), size, attrs);
      // A rule under the cell where it ends: rows of one printed number stay together.
      const bottom = top(c.row + c.rowspan) - 1;
      this.out.append(svgEl(this.doc, "line", {x1: left(c.col), x2: left(c.col) + span(c), y1: bottom, y2: bottom, stroke: "#ddd"}));
    });
    return top(layout.rows) - y + 4;
  }

  grid(el: HTMLElement, x: number, y: number, width: number): number {
    const match = /repeat\((\d+)/.exec(el.style?.gridTemplateColumns ?? "");
    const columns = match ? Number(match[1]) : 2;
    const cell = (width - GAP * (columns - 1)) / columns;
    let h = 0;
    let rowHeight = 0;
    [...el.children].forEach((child, i) => {
      const col = i % columns;
      if (col === 0 && i > 0) {
        h += rowHeight + GAP;
        rowHeight = 0;
      }
      rowHeight = Math.max(rowHeight, this.node(child, x + col * (cell + GAP), y + h, cell));
    });
    return h + rowHeight + 4;
  }
}

interface TableCell {
  text: string;
  head: boolean;
  num: boolean;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** A cell's words: text of nested elements kept apart by a space (a <br> or a <span> is a break in the page). */
function cellText(cell: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent ?? "");
      else if (child.nodeType === 1) {
        parts.push(" ");
        walk(child);
        parts.push(" ");
      }
    }
  };
  walk(cell);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Every cell of a table at its grid position, as the browser lays out rowspan and colspan. */
export function tableLayout(table: Element): {cells: TableCell[]; rows: number; columns: number} {
  const taken = new Set<string>();
  const cells: TableCell[] = [];
  const trs = [...table.querySelectorAll("tr")];
  trs.forEach((tr, row) => {
    let col = 0;
    for (const c of tr.children) {
      while (taken.has(`${row}/${col}`)) col++;
      const rowspan = Math.max(1, Math.min(trs.length - row, Number(c.getAttribute("rowspan")) || 1));
      const colspan = Math.max(1, Number(c.getAttribute("colspan")) || 1);
      for (let r = row; r < row + rowspan; r++) for (let k = col; k < col + colspan; k++) taken.add(`${r}/${k}`);
      cells.push({text: cellText(c), head: c.tagName.toLowerCase() === "th", num: /\bnum\b/.test(classOf(c)), row, col, rowspan, colspan});
      col += colspan;
    }
  });
  const columns = Math.max(0, ...cells.map((c) => c.col + c.colspan));
  return {cells, rows: trs.length, columns};
}

/** The widest chart SVG in an element (the export's natural width). */
export function chartWidth(chart: Element): number {
  const svgs = [...(chart.tagName.toLowerCase() === "svg" ? [chart] : []), ...chart.querySelectorAll("svg")].filter((s) => !s.parentElement?.closest("svg") && !isLegendSwatch(s));
  const grid = chart.querySelector(".atlas-multiples-grid");
  if (grid) return 1100;
  // Charts without a drawing (a table of the one number there is) get a page's text width.
  return svgs.length ? Math.max(320, ...svgs.map((s) => svgSize(s).width)) : 640;
}

function isLegendSwatch(svg: Element): boolean {
  return !!svg.parentElement?.closest("[class*='-swatches'], .atlas-legend");
}

/**
 * The export SVG of a chart element. `chart` stays untouched (cloned parts
 * only). The result is an <svg> element of `doc`; serialise it with
 * XMLSerializer.
 */
export function exportSvg(chart: Element, meta: ExportMeta, {document: doc = globalThis.document, width: requested}: {document?: Document; width?: number} = {}): SVGSVGElement {
  const inner = Math.max(320, requested ?? chartWidth(chart));
  const width = inner + 2 * MARGIN;
  const root = svgEl(doc, "svg", {width, "font-family": EXPORT_FONT, "fill": "#1a1a1a", "class": "atlas-export", "data-chart": meta.id}) as SVGSVGElement;
  const title = svgEl(doc, "title");
  title.textContent = meta.title;
  const desc = svgEl(doc, "desc");
  desc.textContent = `Quelle: ${meta.source}. Stand: ${meta.date}.${meta.breaks ? ` Reihenbruch: ${meta.breaks}.` : ""} Lizenz: ${meta.licence}.${meta.url ? ` ${meta.url}` : ""}`;
  root.append(title, desc);
  if (meta.csv !== undefined) {
    const metadata = svgEl(doc, "metadata", {"id": "atlas-data", "data-format": "text/csv;separator=semicolon"});
    metadata.textContent = meta.csv;
    root.append(metadata);
  }
  const defs = svgEl(doc, "defs");
  const pattern = svgEl(doc, "pattern", {id: "atlas-export-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"});
  pattern.append(svgEl(doc, "rect", {width: 6, height: 6, fill: "#e8e8e8"}), svgEl(doc, "line", {"x1": 0, "y1": 0, "x2": 0, "y2": 6, "stroke": "#999", "stroke-width": 1.5}));
  defs.append(pattern);
  const background = svgEl(doc, "rect", {"width": "100%", "height": "100%", "fill": "#fff", "class": "background"});
  root.append(defs, background);

  let y = MARGIN;
  const head = svgEl(doc, "g", {class: "export-title"});
  y += textLines(doc, head, wrap(meta.title, 16, inner, true), MARGIN, y, 16, {"font-weight": 700});
  if (meta.subtitle) y += textLines(doc, head, wrap(meta.subtitle, 12, inner), MARGIN, y, 12);
  root.append(head);
  y += GAP;

  const body = svgEl(doc, "g", {class: "export-chart"});
  root.append(body);
  y += new Flow(doc, body).node(chart, MARGIN, y, inner);
  y += GAP;

  const foot = svgEl(doc, "g", {"class": "export-source", "fill": "#333"});
  foot.append(svgEl(doc, "line", {x1: MARGIN, x2: width - MARGIN, y1: y, y2: y, stroke: "#bbb"}));
  y += 4;
  const line = (label: string, text: string) => {
    y += textLines(doc, foot, wrap(`${label}: ${text}`, 11, inner), MARGIN, y, 11);
  };
  line("Quelle", meta.source);
  line("Stand", meta.date);
  if (meta.breaks) line("Reihenbruch", meta.breaks);
  line("Lizenz", meta.licence);
  y += textLines(doc, foot, wrap(`Integrationsatlas${meta.url ? ` · ${meta.url}` : ""}`, 10, inner), MARGIN, y, 10, {fill: "#555"});
  root.append(foot);
  const height = Math.ceil(y + MARGIN);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return root;
}

/** Serialised export: a standalone SVG document (UTF-8, XML declaration). */
export function serializeSvg(svg: SVGSVGElement, serializer: {serializeToString(node: Node): string} = new XMLSerializer()): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(svg)}\n`;
}
