/**
 * The data-quality findings on /quellen: a summary by table and check, and a
 * filtered list shown a page at a time (9.000 findings rendered at once made
 * a page 50.000 px tall), each with its Fundstelle as links — file and line
 * at the pinned commit, or the concept document's line.
 */
import {formatNumber} from "./format.js";
import {refLinks} from "./provenance.js";

export interface FindingRow {
  table: string;
  check: string;
  severity: string;
  source_id: string;
  indicator: string;
  area_id: string;
  year: number | null;
  message: string;
  ref: string;
}

export const CHECKS: Record<string, string> = {duplicate: "Doppelte Angabe", parts_total: "Teile ≠ Summe", implausible: "Unplausibler Wert", gap: "Lücke in Zeitreihe", coverage: "Letztes Jahr unvollständig", consistency: "Widerspruch zwischen Tabellen", source_note: "Hinweis zur Quelle", cross_check: "Gegenprobe", join: "Gebiete ↔ Grenzen"};
export const SEVERITY: Record<string, string> = {warning: "Warnung", info: "Hinweis", error: "Fehler"};
export const PAGE_SIZE = 25;

export interface FindingFilter {
  table?: string;
  severity?: string;
  check?: string;
  search?: string;
}

export function filterFindings(findings: FindingRow[], {table, severity, check, search}: FindingFilter): FindingRow[] {
  const needle = (search ?? "").trim().toLowerCase();
  return findings.filter(
    (d) =>
      (!table || d.table === table) &&
      (!severity || d.severity === severity) &&
      (!check || d.check === check) &&
      (!needle || `${d.message} ${d.ref} ${d.indicator} ${d.area_id}`.toLowerCase().includes(needle))
  );
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Record<string, string | undefined> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One finding: check and severity, indicator, message, and its Fundstelle as links (text where a part cannot be resolved). */
export function findingItem(d: FindingRow, {root = "/", document: doc = globalThis.document}: {root?: string; document?: Document} = {}): HTMLLIElement {
  const li = el(doc, "li", {"class": `atlas-finding atlas-finding-${d.severity}`, "data-check": d.check});
  const head = el(doc, "p", {class: "atlas-finding-head"});
  head.append(el(doc, "strong", {}, CHECKS[d.check] ?? d.check), doc.createTextNode(` · ${SEVERITY[d.severity] ?? d.severity}${d.indicator ? ` · ${d.indicator}` : ""}`));
  li.append(head, el(doc, "p", {class: "atlas-finding-message"}, d.message));
  const links = refLinks(d.ref, d.source_id, {root});
  if (links.length) {
    const where = el(doc, "p", {class: "atlas-finding-ref"});
    where.append(doc.createTextNode("Fundstelle: "));
    links.forEach((link, i) => {
      if (i) where.append(doc.createTextNode("; "));
      where.append(link.href ? el(doc, "a", {"href": link.href, "data-kind": link.kind ?? undefined}, link.text) : doc.createTextNode(link.text));
    });
    li.append(where);
  }
  return li;
}

/**
 * The list with its pager; `onPage` is called with the new page number
 * (the page keeps it in its URL). Only PAGE_SIZE items are in the document.
 */
export function findingsList(findings: FindingRow[], {page = 1, total, root = "/", onPage, document: doc = globalThis.document}: {page?: number; total?: number; root?: string; onPage?: (page: number) => void; document?: Document} = {}): HTMLElement {
  const pages = Math.max(1, Math.ceil(findings.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.round(page) || 1), pages);
  const box = el(doc, "div", {"class": "atlas-findings", "data-page": String(current), "data-pages": String(pages)});
  const from = (current - 1) * PAGE_SIZE;
  const shown = findings.slice(from, from + PAGE_SIZE);
  box.append(
    el(
      doc,
      "p",
      {"class": "atlas-findings-count", "role": "status"},
      `${formatNumber(findings.length, {digits: 0})}${total !== undefined ? ` von ${formatNumber(total, {digits: 0})}` : ""} Befunden${findings.length ? `; ${formatNumber(from + 1, {digits: 0})}–${formatNumber(from + shown.length, {digits: 0})} (Seite ${current} von ${pages})` : ""}.`
    )
  );
  const list = el(doc, "ol", {class: "atlas-finding-list", start: String(from + 1)});
  for (const d of shown) list.append(findingItem(d, {root, document: doc}));
  box.append(list);
  if (pages > 1) {
    const nav = el(doc, "nav", {"class": "atlas-pager", "aria-label": "Seiten der Befunde"});
    const button = (label: string, target: number, cls: string) => {
      const b = el(doc, "button", {type: "button", class: cls}, label);
      b.disabled = target < 1 || target > pages || target === current;
      b.addEventListener("click", () => onPage?.(target));
      nav.append(b);
    };
    button("« Erste", 1, "atlas-pager-first");
    button("‹ Zurück", current - 1, "atlas-pager-prev");
    nav.append(el(doc, "span", {}, ` Seite ${current} von ${pages} `));
    button("Weiter ›", current + 1, "atlas-pager-next");
    button("Letzte »", pages, "atlas-pager-last");
    box.append(nav);
  }
  return box;
}

/** Findings per table, check and severity (the summary above the list). */
export function findingsSummary(findings: FindingRow[]): {table: string; check: string; severity: string; n: number}[] {
  const counts = new Map<string, number>();
  for (const d of findings) {
    const key = `${d.table}\u0000${d.check}\u0000${d.severity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => {
    const [table, check, severity] = key.split("\u0000");
    return {table, check: CHECKS[check] ?? check, severity: SEVERITY[severity] ?? severity, n};
  });
}

export interface BrowserState extends FindingFilter {
  page?: number;
}

/**
 * Filters (table, kind, check, free text) and the paged list in one element;
 * `onChange` gets the state after every change (the page writes it into its
 * URL, so a filtered list can be linked).
 */
export function findingsBrowser(findings: FindingRow[], {state = {}, root = "/", onChange, document: doc = globalThis.document}: {state?: BrowserState; root?: string; onChange?: (state: BrowserState) => void; document?: Document} = {}): HTMLElement {
  const box = el(doc, "div", {class: "atlas-findings-browser"});
  const form = el(doc, "form", {"class": "atlas-findings-filter", "role": "search", "aria-label": "Befunde filtern"});
  form.addEventListener("submit", (e) => e.preventDefault());
  const select = (name: string, label: string, options: [string, string][], value = "") => {
    const wrap = el(doc, "label", {}, `${label} `);
    const s = el(doc, "select", {name});
    for (const [v, text] of [["", "alle"] as [string, string], ...options]) s.append(el(doc, "option", {value: v}, text));
    s.value = options.some(([v]) => v === value) ? value : "";
    wrap.append(s);
    form.append(wrap);
    return s;
  };
  const tables = [...new Set(findings.map((d) => d.table))];
  const checks = [...new Set(findings.map((d) => d.check))];
  const table = select("tabelle", "Tabelle", tables.map((t) => [t, t]), state.table);
  const severity = select("art", "Art", Object.entries(SEVERITY).filter(([k]) => findings.some((d) => d.severity === k)), state.severity);
  const check = select("pruefung", "Prüfung", checks.map((c) => [c, CHECKS[c] ?? c]), state.check);
  const searchLabel = el(doc, "label", {}, "Suche ");
  const search = el(doc, "input", {type: "search", name: "suche", placeholder: "z. B. Magdeburg, 1-2-6, Abb. 5"});
  search.value = state.search ?? "";
  searchLabel.append(search);
  form.append(searchLabel);
  box.append(form);
  let page = state.page ?? 1;
  let list: HTMLElement = el(doc, "div");
  box.append(list);
  const current = (): BrowserState => ({table: table.value || undefined, severity: severity.value || undefined, check: check.value || undefined, search: search.value || undefined, page});
  const render = () => {
    const next = findingsList(filterFindings(findings, current()), {page, total: findings.length, root, document: doc, onPage: (p) => ((page = p), render(), onChange?.(current()))});
    page = Number(next.dataset.page);
    list.replaceWith(next);
    list = next;
  };
  const changed = () => {
    page = 1;
    render();
    onChange?.(current());
  };
  for (const s of [table, severity, check]) s.addEventListener("change", changed);
  search.addEventListener("input", changed);
  render();
  return box;
}
