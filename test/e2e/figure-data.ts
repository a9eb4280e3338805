/**
 * A figure's numbers as browser tests compare them: the CSV that csvOf()
 * writes (download, SVG <metadata>) parsed back, and a figure's data table
 * on a page read as the CSV would have it.
 */
import type {Page} from "playwright-core";

/** Semicolon CSV as csvOf() writes it (quoted fields may hold ; " and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\ufeff/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/**
 * Builds a long data table the page has not built yet (components/figure.ts
 * builds tables of more than LAZY_ROWS rows when first opened): opens its
 * details once and closes them again, as a reader would.
 */
export async function openDataTable(page: Page, id: string): Promise<void> {
  const opened = await page.evaluate((chart) => {
    const details = document.querySelector<HTMLDetailsElement>(`[data-chart="${chart}"] details.atlas-figure-data`);
    if (!details || details.open || details.querySelector("table")) return false;
    details.open = true;
    return true;
  }, id);
  if (!opened) return;
  await page.waitForFunction((chart) => !!document.querySelector(`[data-chart="${chart}"] details.atlas-figure-data table`), id);
  await page.evaluate((chart) => {
    const details = document.querySelector<HTMLDetailsElement>(`[data-chart="${chart}"] details.atlas-figure-data`);
    if (details) details.open = false;
  }, id);
}

/** A figure's data table as the CSV would have it: header labels, then each cell's raw value. */
export async function tableOf(page: Page, id: string): Promise<string[][]> {
  await openDataTable(page, id);
  return page.evaluate((chart) => {
    const table = document.querySelector(`[data-chart="${chart}"] details.atlas-figure-data table`);
    if (!table) return [];
    const head = [...table.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
    const body = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getAttribute("data-value") ?? ""));
    return [head, ...body];
  }, id);
}
