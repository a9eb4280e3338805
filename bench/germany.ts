/**
 * Issue 17's figures for npm run bench: the Germany map's year change, its
 * data and boundaries as served (Brotli), and the Kreis pyramid's year change
 * and overlay. Called from run.ts with its page helpers; ratios to the plain
 * page make machines comparable.
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";

type Repaint = (page: Page, o: {control: string; value: string; figure: string; until: string}) => Promise<number>;

/** Bytes of a built file as served: its .br copy if postprocess wrote one (files under 1 kB are not compressed). */
function servedBytes(dist: string, dir: string, name: string, ext: string): number {
  const folder = join(dist, "_file", dir);
  const file = readdirSync(folder).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`) && f.split(".").length === 3);
  if (!file) throw new Error(`dist/_file/${dir}/${name}.*.${ext} not built`);
  const br = join(folder, `${file}.br`);
  return statSync(existsSync(br) ? br : join(folder, file)).size;
}

/**
 * A year change on the Germany map: `painted` until the frame that shows the
 * recoloured map is rendered (the map's title carries the year; a task after
 * that frame's rendering), `settled` until the ranking below it, which the
 * page builds a frame later, is in place and two frames are drawn.
 */
async function mapYearMs(page: Page, year: string): Promise<{painted: number; settled: number}> {
  return page.evaluate(async (year) => {
    const label = [...document.querySelectorAll("label")].find((l) => l.textContent?.trim() === "Jahr (31.12.)");
    const input = (label?.htmlFor ? document.getElementById(label.htmlFor) : null) as HTMLSelectElement | null;
    if (!input) throw new Error("year control not found");
    const index = [...input.options].findIndex((o) => o.textContent === year);
    if (index < 0) throw new Error(`year ${year} not offered`);
    input.selectedIndex = index;
    const t0 = performance.now();
    input.dispatchEvent(new Event("input", {bubbles: true}));
    const until = (done: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (done() ? resolve() : performance.now() - t0 > 20_000 ? reject(new Error(`year ${year} not drawn`)) : requestAnimationFrame(check));
        check();
      });
    const title = () => (document.querySelector('[data-chart="deutschland-kreise"] h3')?.textContent ?? "").includes(`31.12.${year}`);
    // Checked in a frame callback: the change is in this frame, rendered before the task runs.
    await until(title);
    await new Promise((r) => setTimeout(r, 0));
    const painted = performance.now() - t0;
    await until(() => !document.querySelector("[aria-busy]") && [...document.querySelectorAll(".atlas-ranking caption")].some((c) => c.textContent?.includes(`31.12.${year}`)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return {painted, settled: performance.now() - t0};
  }, year);
}

/** Time from choosing overlay areas to all their outlines drawn. */
async function overlayMs(page: Page, ids: string[]): Promise<number> {
  return page.evaluate(async (ids) => {
    const label = [...document.querySelectorAll("label")].find((l) => l.textContent?.startsWith("Vergleichsgebiete"));
    const select = (label?.htmlFor ? document.getElementById(label.htmlFor) : null) as HTMLSelectElement | null;
    if (!select) throw new Error("overlay control not found");
    for (const o of select.options) o.selected = ids.some((id) => o.textContent?.endsWith(`(${id})`));
    const t0 = performance.now();
    select.dispatchEvent(new Event("input", {bubbles: true}));
    const lines = () => [...document.querySelectorAll('[data-chart="kreis-pyramide"] text')].filter((t) => t.textContent?.startsWith("Linie:")).length;
    await new Promise<void>((resolve, reject) => {
      const check = () => (lines() === ids.length ? resolve() : performance.now() - t0 > 20_000 ? reject(new Error("outlines not drawn")) : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, ids);
}

export async function benchGermany(browser: Browser, url: string, {dist, repeat, repaintMs, quiet, median, plainMs, line, fmt, timing}: {dist: string; repeat: number; repaintMs: Repaint; quiet: (p: Page) => Promise<void>; median: (xs: number[]) => number; plainMs: number; line: (t?: string) => void; fmt: (v: number, d?: number) => string; timing: string}): Promise<Record<string, number>> {
  const kb = (servedBytes(dist, "data", "de-kreis-karte", "arrow") + servedBytes(dist, "data/boundaries", "de-kreise", "json")) / 1024;
  const page = await browser.newPage({viewport: {width: 1280, height: 1200}, locale: "de-DE"});
  await page.addInitScript(timing);
  await page.goto(`${url}/karten/deutschland?indikator=inkar:q_asyl_bev&jahr=2021`);
  await quiet(page);
  const years = ["2015", "2019", "2012", "2017", "2010", "2020", "2014", "2018"];
  await mapYearMs(page, "2016");
  const mapTimes: number[] = [];
  const settledTimes: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const {painted, settled} = await mapYearMs(page, years[i % years.length]);
    mapTimes.push(painted);
    settledTimes.push(settled);
  }
  await page.goto(`${url}/altersstruktur/kreise?gebiet=09162&modus=relativ&jahr=2020&vergleich=15003,03103,03159,03241,03357`);
  await quiet(page);
  await repaintMs(page, {control: "Jahr (31.12.)", value: "2019", figure: "kreis-pyramide", until: "31.12.2019"});
  const pyramidTimes: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const y = String(2015 + (i % 5));
    pyramidTimes.push(await repaintMs(page, {control: "Jahr (31.12.)", value: y, figure: "kreis-pyramide", until: `31.12.${y}`}));
  }
  const overlayTimes: number[] = [];
  for (let i = 0; i < repeat; i++) {
    await overlayMs(page, ["15003", "03103", "03159", "03241"]);
    overlayTimes.push(await overlayMs(page, ["15003", "03103", "03159", "03241", "03357"]));
  }
  await page.close();
  const figures = {dataBoundariesKb: kb, mapYearChangeMs: median(mapTimes), mapYearSettledMs: median(settledTimes), pyramidYearChangeMs: median(pyramidTimes), pyramidOverlayMs: median(overlayTimes)};
  line("");
  line("Deutschland (Issue 17):");
  line(`Karte aller Kreise, Daten und Grenzen (Brotli): ${fmt(kb, 1)} kB (Ziel ≤ 400 kB)`);
  line(`Jahreswechsel → neu gezeichnete Deutschlandkarte: ${fmt(figures.mapYearChangeMs, 1)} ms (Median aus ${repeat}; Ziel < 100 ms; ${fmt(figures.mapYearChangeMs / plainMs, 2)} × Vergleichsseite)`);
  line(`Jahreswechsel → Karte und Rangfolge darunter fertig (zwei Bilder gezeichnet): ${fmt(figures.mapYearSettledMs, 1)} ms (Median aus ${repeat}; ${fmt(figures.mapYearSettledMs / plainMs, 2)} × Vergleichsseite)`);
  line(`Jahreswechsel → neu gezeichnete Kreis-Pyramide mit fünf Linien: ${fmt(figures.pyramidYearChangeMs, 1)} ms (Median aus ${repeat}; Ziel < 100 ms; ${fmt(figures.pyramidYearChangeMs / plainMs, 2)} × Vergleichsseite)`);
  line(`Fünftes Vergleichsgebiet → neu gezeichnete Kreis-Pyramide: ${fmt(figures.pyramidOverlayMs, 1)} ms (Median aus ${repeat}; Ziel < 100 ms; ${fmt(figures.pyramidOverlayMs / plainMs, 2)} × Vergleichsseite)`);
  return figures;
}
