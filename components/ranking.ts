/**
 * A sortable ranking table beside a map: one row per area, the selected
 * area's row highlighted and scrolled into view, every area name a button
 * (keyboard selection without a mouse), column headers sort on click.
 * Names are text, never HTML.
 */
import type {Column} from "./figure.js";

export interface RankingOptions<T> {
  columns: Column<T>[];
  /** The key that holds the area id. */
  idKey?: keyof T & string;
  /** The column whose cell is the selecting button (the area name). */
  nameKey: keyof T & string;
  selected?: string | null;
  onSelect?: (areaId: string) => void;
  caption: string;
  /** Rows shown before „Alle anzeigen“ (the selected row is always shown). */
  limit?: number;
  /** Areas of the legend class chosen on the map: their rows highlighted, the others dimmed. */
  highlight?: readonly string[] | null;
  /** Initial sort: column key and direction. */
  sort?: {key: keyof T & string; descending?: boolean};
  document?: Document;
}

function compare(a: unknown, b: unknown): number {
  // Missing values sort last in either direction.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "de");
}

export function rankingTable<T extends Record<string, unknown>>(rows: T[], options: RankingOptions<T>): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const idKey = options.idKey ?? ("area_id" as keyof T & string);
  let sort = options.sort ?? {key: options.columns[0].key, descending: false};
  // Long lists (990 Gemeinden) start short: a table of a thousand rows costs more than the map.
  let showAll = rows.length <= (options.limit ?? 100) || !!options.highlight;
  const wrap = doc.createElement("div");
  wrap.className = "atlas-ranking";
  const table = doc.createElement("table");
  table.className = "atlas-table";
  const caption = doc.createElement("caption");
  caption.textContent = options.caption;
  table.append(caption);
  const thead = doc.createElement("thead");
  const head = doc.createElement("tr");
  const tbody = doc.createElement("tbody");
  const headers = options.columns.map((c) => {
    const th = doc.createElement("th");
    th.scope = "col";
    if (c.numeric) th.className = "num";
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "atlas-sort";
    button.textContent = c.label;
    button.addEventListener("click", () => {
      sort = {key: c.key, descending: sort.key === c.key ? !sort.descending : !!c.numeric};
      render();
    });
    th.append(button);
    head.append(th);
    return th;
  });
  thead.append(head);
  table.append(thead, tbody);
  const more = doc.createElement("button");
  more.type = "button";
  more.className = "atlas-more";
  more.addEventListener("click", () => {
    showAll = true;
    render();
  });
  wrap.append(table, more);
  function render() {
    options.columns.forEach((c, i) => headers[i].setAttribute("aria-sort", c.key === sort.key ? (sort.descending ? "descending" : "ascending") : "none"));
    const ordered = [...rows].sort((a, b) => {
      const va = a[sort.key];
      const vb = b[sort.key];
      if (va === null || va === undefined || vb === null || vb === undefined) return compare(va, vb);
      return sort.descending ? compare(vb, va) : compare(va, vb);
    });
    tbody.replaceChildren();
    const limit = options.limit ?? 100;
    const shown = showAll ? ordered : ordered.filter((row, i) => i < limit || String(row[idKey]) === options.selected);
    more.hidden = showAll;
    more.textContent = `Alle ${rows.length} Zeilen anzeigen`;
    for (const row of shown) {
      const id = String(row[idKey]);
      const tr = doc.createElement("tr");
      tr.dataset.areaId = id;
      if (id === options.selected) {
        tr.className = "atlas-selected";
        tr.setAttribute("aria-selected", "true");
      }
      if (options.highlight) {
        const hit = options.highlight.includes(id);
        tr.classList.add(hit ? "atlas-class-hit" : "atlas-class-dim");
        if (hit) tr.dataset.classHit = "true";
      }
      for (const c of options.columns) {
        const td = doc.createElement("td");
        if (c.numeric) td.className = "num";
        const value = row[c.key];
        const text = c.format ? c.format(value, row) : value === null || value === undefined ? "–" : String(value);
        if (c.key === options.nameKey && options.onSelect) {
          const button = doc.createElement("button");
          button.type = "button";
          button.className = "atlas-select";
          button.textContent = text;
          button.setAttribute("aria-pressed", String(id === options.selected));
          button.addEventListener("click", () => options.onSelect?.(id));
          td.append(button);
        } else {
          td.textContent = text;
        }
        tr.append(td);
      }
      tbody.append(tr);
    }
  }
  render();
  return wrap;
}
