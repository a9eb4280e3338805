/**
 * The reproduction pages in the built site: each lists every table of its
 * document (the distinct table_ids of data/documents/<slug>/statistics.csv),
 * shows its flagged mismatches – as many as the reproduction has, each with
 * its size – and flags them in text, not by colour alone.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {DOCUMENTS, readDocumentStatistics} from "../../loaders/parse/documents.ts";
import {dist, useSite} from "./site.ts";
if (!existsSync(join(dist, "reproduktion", "goettingen.html"))) throw new Error("dist/ has no reproduction pages: run npm run build");

/** Flagged mismatches per document, as the reproduction finds them (test/integration/reproduction.test.ts). */
const MISMATCHES: Record<string, number> = {goettingen: 8, wolfsburg: 0, "region-hannover": 5, rotenburg: 8, magdeburg: 0};

/** The reproduction the site shipped (dist/_file/data/reproduction.<hash>.json). */
const shippedFile = readdirSync(join(dist, "_file", "data")).find((f) => /^reproduction\.[0-9a-f]+\.json$/.test(f));
if (!shippedFile) throw new Error("dist/ has no reproduction.json");
const shipped: {documents: {slug: string; summary: {mismatches: number}}[]} = JSON.parse(readFileSync(join(dist, "_file", "data", shippedFile), "utf8"));

/** One mismatch per document that has any: where, and its size as printed on the page. */
const EXAMPLES: Record<string, {table: string; line: number; kind: string; difference: number; text: string[]}> = {
  goettingen: {table: "abb10", line: 331, kind: "second_source", difference: -2, text: ["Abb. 10, Z. 331", "gedruckt 269", "271", "Differenz −2 (−0,7 %)", "✗ Abweichung"]},
  "region-hannover": {table: "chart", line: 458, kind: "repeat", difference: -1, text: ["Z. 458", "gedruckt 29", "Differenz −1", "✗ Abweichung"]},
  rotenburg: {table: "text", line: 88, kind: "second_source", difference: -200, text: ["Z. 88", "gedruckt 4.430", "4.630", "Differenz −200 (−4,3 %)", "✗ Abweichung"]}
};

const site = useSite();
const open = (path: string) => site.open(path);

describe.each(DOCUMENTS.map((d) => [d.slug, d] as const))("/reproduktion/%s", (slug, doc) => {
  test("lists every table of the document and flags its mismatches with their size", async () => {
    const page = await open(`/reproduktion/${slug}`);
    try {
      const expected = [...new Set(readDocumentStatistics(doc).map((s) => s.table_id))].sort();
      const listed = await page.$$eval("[data-table-list] li[data-table-id]", (items) => items.map((li) => (li as HTMLElement).dataset.tableId!));
      const figures = await page.$$eval("figure[data-table-id]", (items) => items.map((f) => (f as HTMLElement).dataset.tableId!));
      expect([...listed].sort()).toEqual(expected);
      expect([...figures].sort()).toEqual(expected);
      // every printed number has its row
      expect(await page.$$eval("tbody.repro-row", (rows) => rows.length)).toBe(readDocumentStatistics(doc).length);

      const count = await page.$eval("[data-mismatch-count]", (el) => Number((el as HTMLElement).dataset.mismatchCount));
      const items = await page.$$eval("li[data-mismatch]", (items) => items.length);
      const perTable = await page.$$eval("figure[data-table-id]", (figs) => figs.reduce((n, f) => n + Number((f as HTMLElement).dataset.mismatches), 0));
      const heading = await page.$eval(`#${slug}-abweichungen`, (h) => h.textContent);
      expect([count, items, perTable]).toEqual([MISMATCHES[slug], MISMATCHES[slug], MISMATCHES[slug]]);
      expect(shipped.documents.find((d) => d.slug === slug)!.summary.mismatches).toBe(count);
      expect(heading).toBe(`Abweichungen (${MISMATCHES[slug]})`);

      const example = EXAMPLES[slug];
      if (!example) {
        expect(await page.$eval("[data-mismatch-count]", (el) => el.textContent)).toMatch(/^Keine Abweichung/);
        return;
      }
      const item = page.locator(`li[data-mismatch][data-table-id="${example.table}"][data-line="${example.line}"][data-kind="${example.kind}"]`);
      expect(await item.count()).toBe(1);
      expect(Number(await item.getAttribute("data-difference"))).toBe(example.difference);
      const text = (await item.textContent()) ?? "";
      for (const part of example.text) expect(text).toContain(part);
      // The link leads to the flagged row, which says it in words and is coloured as well.
      const target = (await item.locator("a").getAttribute("href"))!.slice(1);
      const row = page.locator(`[id="${target}"]`);
      expect(await row.getAttribute("class")).toContain("repro-flagged");
      const verdict = row.locator('td[data-status="abweichung"]');
      expect(await verdict.first().textContent()).toContain("✗ Abweichung");
      expect(await verdict.first().evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    } finally {
      await page.close();
    }
  });
});

test("/reproduktion/ summarises every document with its mismatches", async () => {
  const page = await open("/reproduktion/");
  try {
    const rows = await page.$$eval("table.repro-index tbody tr", (trs) =>
      trs.map((tr) => ({slug: (tr as HTMLElement).dataset.document!, mismatches: tr.querySelector('[data-key="abweichungen"]')!.textContent, numbers: tr.querySelector('[data-key="zahlen"]')!.textContent}))
    );
    expect(rows).toEqual(DOCUMENTS.map((d) => ({slug: d.slug, mismatches: String(MISMATCHES[d.slug]), numbers: readDocumentStatistics(d).length.toLocaleString("de-DE")})));
  } finally {
    await page.close();
  }
});

test("Wolfsburg and Magdeburg say plainly how little they print", async () => {
  for (const [slug, phrase] of [["wolfsburg", "druckt keine statistische Tabelle"], ["magdeburg", "druckt keine Statistik"]]) {
    const page = await open(`/reproduktion/${slug}`);
    try {
      expect(await page.locator("#observablehq-main").textContent()).toContain(phrase);
    } finally {
      await page.close();
    }
  }
});
