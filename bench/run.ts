/**
 * npm run bench — the atlas's figures in one run, printed, gated on nothing:
 *   build time cold (no Framework cache, no dist) and warm; loader time;
 *   per page the bytes as served (brotli/gzip, precompressed) and
 *   uncompressed, time to first chart and to a quiet page in headless
 *   Chromium over loopback; DuckDB query latency for the map and pyramid
 *   queries; the map interactions (year change → repainted Magdeburg map,
 *   all Gemeinden of Niedersachsen at once); and every time also as a ratio
 *   to a plain static page served the same way, so that figures from noisy
 *   machines stay comparable.
 *
 *   --smoke   CI: no cold build (reuses dist/), fewer repetitions, no loader pass
 *   --json F  also write the figures as JSON to F
 *   --first-paint  only the first-paint figures (reuses dist/): DuckDB pages' first chart and time to interactive, home page
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser, Page} from "playwright-core";
import {COMPRESS_CACHE} from "../scripts/postprocess.ts";
import {launch, settle} from "../test/e2e/browser.ts";
import {serve, type StaticServer} from "../test/e2e/server.ts";
import {benchLoaders} from "./loaders.ts";
import {benchFirstPaint, benchHome} from "./firstpaint.ts";
import {benchServing} from "./serving.ts";
import {benchGermany} from "./germany.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const firstPaintOnly = args.includes("--first-paint");
const REPEAT = smoke ? 3 : 7;
const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toLocaleString("de-DE", {maximumFractionDigits: digits, minimumFractionDigits: digits}) : "–");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** What the output store rebuilt in the last build (scripts/build.ts writes it). */
function lastBuildCounts(): string {
  try {
    const last = JSON.parse(readFileSync(join(root, ".cache/outputs/.last-build.json"), "utf8")) as {rebuilt: string[]; reused: string[]; pagesWritten: number};
    return `${last.rebuilt.length} von ${last.rebuilt.length + last.reused.length} Ausgaben neu gebaut, ${last.pagesWritten} Seiten neu geschrieben`;
  } catch {
    return "Ausgaben: keine Angabe";
  }
}

function timeBuild(): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/build.ts"), "--quiet"], {cwd: root, env: process.env, encoding: "utf8", maxBuffer: 1 << 28});
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}\n${result.stdout}`);
  return (performance.now() - t0) / 1000;
}

function* htmlPages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (!entry.startsWith("_")) yield* htmlPages(path);
    } else if (entry.endsWith(".html")) {
      yield `/${relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
    }
  }
}

interface PageFigure {
  path: string;
  requests: number;
  servedKb: number;
  rawKb: number;
  encodings: string;
  duckdb: boolean;
  firstChartMs: number | null;
  quietMs: number;
}

/** Records, from navigation start, when the first chart container holds a drawing and when the page last changed. */
const TIMING_SCRIPT = `
  // tsx compiles this file with esbuild's keepNames: functions passed to page.evaluate call __name.
  window.__name = (f) => f;
  window.__atlas = {firstChart: null, lastChange: 0};
  new MutationObserver(() => {
    const t = performance.now();
    window.__atlas.lastChange = t;
    if (window.__atlas.firstChart === null && document.querySelector("[data-chart] svg, [data-chart] table")) window.__atlas.firstChart = t;
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
`;

async function measurePage(browser: Browser, server: StaticServer, path: string): Promise<PageFigure> {
  server.sent.clear();
  server.raw.clear();
  server.encodings.clear();
  // A fresh context per page: an empty cache, as a first visit.
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE"});
  const page = await context.newPage();
  await page.addInitScript(TIMING_SCRIPT);
  await page.goto(server.url + path, {waitUntil: "load"});
  await quiet(page);
  const timing = await page.evaluate(() => (window as unknown as {__atlas: {firstChart: number | null; lastChange: number}}).__atlas);
  await context.close();
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    path,
    requests: server.sent.size,
    servedKb: sum(server.sent) / 1024,
    rawKb: sum(server.raw) / 1024,
    encodings: [...new Set(server.encodings.values())].sort().join("+"),
    duckdb: [...server.sent.keys()].some((p) => p.includes("duckdb")),
    firstChartMs: timing.firstChart,
    quietMs: timing.lastChange
  };
}

/**
 * Waits until the page has stopped changing: Framework's loading indicators
 * gone and no DOM mutation for a second (DuckDB's start-up shows neither
 * network traffic nor a loading indicator, so network idleness is not enough).
 */
async function quiet(page: Page, timeout = 60_000): Promise<void> {
  await settle(page, timeout);
  await page.waitForFunction(() => {
    const a = (window as unknown as {__atlas: {lastChange: number}}).__atlas;
    return document.querySelectorAll("observablehq-loading").length === 0 && performance.now() - a.lastChange > 1000;
  }, undefined, {timeout, polling: 100});
}

/** A plain static page of ordinary size, served by the same server: the yardstick. */
/**
 * Two yardsticks: its load event, and its first contentful paint (the same
 * event as "a chart is on screen" on the atlas's pages, measured the same way:
 * the first paint of even this page comes after its load event in headless
 * Chromium).
 */
async function plainPage(browser: Browser): Promise<{loadMs: number; paintMs: number; kb: number}> {
  const dir = mkdtempSync(join(tmpdir(), "atlas-plain-"));
  const text = Array.from({length: 40}, (_, i) => `<p>Absatz ${i + 1}: Einwohnerinnen und Einwohner mit Hauptwohnsitz am 31.12., nach Stadtteilen und Altersgruppen.</p>`).join("\n");
  writeFileSync(join(dir, "index.html"), `<!doctype html><html lang="de"><meta charset="utf-8"><title>Vergleichsseite</title><style>body{font-family:sans-serif}</style><h1>Vergleichsseite</h1>${text}</html>`);
  const server = await serve(dir);
  try {
    const times: number[] = [];
    const paints: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE"});
      const page = await context.newPage();
      await page.goto(server.url + "/", {waitUntil: "load"});
      const {load, paint} = await page.evaluate(async () => {
        const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        for (let k = 0; k < 100 && !performance.getEntriesByName("first-contentful-paint").length; k++) await new Promise((r) => setTimeout(r, 10));
        return {load: nav.loadEventEnd || performance.now(), paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN};
      });
      times.push(load);
      paints.push(paint);
      await context.close();
    }
    return {loadMs: median(times), paintMs: median(paints), kb: statSync(join(dir, "index.html")).size / 1024};
  } finally {
    await server.close();
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Time from changing a select or range control to the figure showing the new
 * state (its title changed and the map drawn), two animation frames later so
 * that the paint is included.
 */
async function repaintMs(page: Page, {control, value, figure, until}: {control: string; value: string; figure: string; until: string}): Promise<number> {
  return page.evaluate(
    async ({control, value, figure, until}) => {
      const label = [...document.querySelectorAll("label")].find((l) => l.textContent?.trim() === control);
      const input = (label?.htmlFor ? document.getElementById(label.htmlFor) : null) as HTMLSelectElement | HTMLInputElement | null;
      if (!input) throw new Error(`control "${control}" not found`);
      if (input instanceof HTMLSelectElement) {
        const index = [...input.options].findIndex((o) => o.textContent === value);
        if (index < 0) throw new Error(`option "${value}" not found in "${control}"`);
        input.selectedIndex = index;
      } else {
        input.value = value;
      }
      const t0 = performance.now();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      const drawn = () => {
        const fig = document.querySelector(`[data-chart="${figure}"]`);
        return !!fig && (fig.querySelector("h3")?.textContent ?? "").includes(until) && !!fig.querySelector("svg");
      };
      await new Promise<void>((resolve, reject) => {
        const deadline = t0 + 20_000;
        const check = () => (drawn() ? resolve() : performance.now() > deadline ? reject(new Error(`"${figure}" did not show "${until}"`)) : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    {control, value, figure, until}
  );
}

interface QueryFigure {
  name: string;
  ms: number;
}

/**
 * DuckDB-WASM alone: the site's own DuckDB client module and Arrow file, the
 * same SQL as the pages, in the page's origin (so its CSP applies).
 */
async function duckdbLatency(page: Page, table: string, queries: {name: string; sql: string}[]): Promise<QueryFigure[]> {
  return page.evaluate(
    async ({table, queries, repeat}) => {
      const names = performance.getEntriesByType("resource").map((e) => e.name);
      const duckUrl = names.find((n) => /\/_observablehq\/stdlib\/duckdb\.[0-9a-f]+\.js$/.test(n));
      const arrowUrl = names.find((n) => /\/_npm\/apache-arrow@[^/]+\/[0-9a-f]+\.js$/.test(n));
      const fileUrl = names.find((n) => n.includes(`/_file/data/${table}.`) && n.endsWith(".arrow"));
      if (!duckUrl || !arrowUrl || !fileUrl) throw new Error(`page did not load DuckDB, Arrow or ${table}`);
      const {DuckDBClient} = await import(duckUrl);
      const arrow = await import(arrowUrl);
      const data = arrow.tableFromIPC(new Uint8Array(await (await fetch(fileUrl)).arrayBuffer()));
      const db = await DuckDBClient.of({t: data});
      const out: {name: string; ms: number}[] = [];
      for (const q of queries) {
        await db.query(q.sql); // warm: the first run compiles
        const times: number[] = [];
        for (let i = 0; i < repeat; i++) {
          const t0 = performance.now();
          await db.query(q.sql);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        out.push({name: q.name, ms: times[Math.floor(times.length / 2)]});
      }
      return out;
    },
    {table, queries, repeat: REPEAT * 3}
  );
}

const MAP_QUERY = (year: number) => `SELECT s.area_id, s.area_name AS name, s.value, f.value AS auslaender, p.value AS bevoelkerung, s.flag
  FROM t s
  LEFT JOIN t f ON f.area_id = s.area_id AND f.year = s.year AND f.indicator = 'md:auslaender' AND f.sex = 'total' AND f.age_group = 'total'
  LEFT JOIN t p ON p.area_id = s.area_id AND p.year = s.year AND p.indicator = 'md:bevoelkerung' AND p.sex = 'total' AND p.age_group = 'total'
  WHERE s.indicator = 'md:auslaenderanteil' AND s.year = ${year} AND s.area_level = 'stadtteil'`;
const PYRAMID_QUERY = (year: number) => `SELECT age_group, sex, value FROM t WHERE indicator = 'md:bevoelkerung' AND area_id = '15003000' AND year = ${year} AND age_group <> 'total' AND sex <> 'total'`;
const KREIS_QUERY = `SELECT area_id, area_name AS name, area_level, year, value FROM t WHERE indicator = 'im:1-2-2' AND category = 'total' AND sex = 'total' AND unit = 'percent' AND year IS NOT NULL ORDER BY year`;

/** First paint (issue 13): the default view from the build, and when DuckDB has drawn the interactive chart; the home page. */
async function firstPaintSection(browser: Browser, server: StaticServer, plain: {loadMs: number; paintMs: number}, figures: Record<string, unknown>, line: (text?: string) => void): Promise<void> {
  const firstPaint = await benchFirstPaint(browser, server, REPEAT);
  figures.firstPaint = firstPaint;
  line("");
  line("Erstes Diagramm der Standardansicht (Vorschau aus dem Bau) und interaktiv (DuckDB bereit); Loopback und 10 Mbit/s + 40 ms");
  line(`×Darst.: erstes Diagramm / erste Darstellung der Vergleichsseite (${fmt(plain.paintMs)} ms; Ziel ≤ 3); ×geladen: interaktiv / geladene Vergleichsseite (${fmt(plain.loadMs)} ms)`);
  line("Seite                                     erstes Diagramm ms   ×Darst.  interaktiv ms  ×geladen  10 Mbit/s: erstes ms  interaktiv ms");
  for (const f of firstPaint) {
    line(`${f.path.padEnd(40)} ${fmt(f.firstChartMs).padStart(19)} ${fmt(f.firstChartMs / plain.paintMs, 1).padStart(9)} ${fmt(f.interactiveMs).padStart(14)} ${fmt(f.interactiveMs / plain.loadMs, 1).padStart(9)} ${fmt(f.slowFirstChartMs).padStart(21)} ${fmt(f.slowInteractiveMs).padStart(14)}`);
  }
  const home = await benchHome(browser, server, REPEAT);
  figures.home = home;
  line(`Startseite: erste Darstellung ${fmt(home.firstPaintMs)} ms (${fmt(home.firstPaintMs / plain.paintMs, 1)} × erste Darstellung der Vergleichsseite), bei 10 Mbit/s ${fmt(home.slowFirstPaintMs)} ms; ${fmt(home.servedKb)} kB übertragen in ${home.requests} Anfragen (Ziel ≤ 300 kB), DuckDB: ${home.duckdb ? "ja" : "nein"}`);
}

async function main() {
  const figures: Record<string, unknown> = {smoke};
  const line = (text = "") => console.log(text);
  line(`Integrationsatlas – Benchmark (${smoke ? "Smoke-Test" : "vollständig"}), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);

  // Build: cold = no cache of any kind and no dist (a fresh clone); warm = again, everything cached;
  // then without Framework's cache and dist only (the output and compression stores kept); then one data file changed.
  if (!smoke && !firstPaintOnly) {
    const dropFramework = () => {
      rmSync(join(root, "src/.observablehq/cache"), {recursive: true, force: true});
      rmSync(dist, {recursive: true, force: true});
    };
    dropFramework();
    // Cold means every output too, not only Framework's copies.
    rmSync(join(root, ".cache/outputs"), {recursive: true, force: true});
    // And every compressed copy (scripts/precompress.ts keeps them by content).
    rmSync(COMPRESS_CACHE, {recursive: true, force: true});
    const cold = timeBuild();
    const coldCounts = lastBuildCounts();
    const warm = timeBuild();
    const warmCounts = lastBuildCounts();
    dropFramework();
    const frameworkCold = timeBuild();
    const frameworkColdCounts = lastBuildCounts();
    // One project data file changed (a blank line the parser skips): only its dependants are rebuilt.
    const changed = join(root, "data/comparability.csv");
    const original = readFileSync(changed);
    let oneFile: number;
    let oneFileCounts: string;
    try {
      writeFileSync(changed, Buffer.concat([original, Buffer.from("\n")]));
      oneFile = timeBuild();
      oneFileCounts = lastBuildCounts();
    } finally {
      writeFileSync(changed, original);
    }
    figures.build = {coldS: cold, warmS: warm, frameworkColdS: frameworkCold, oneFileChangeS: oneFile, counts: {cold: coldCounts, warm: warmCounts, frameworkCold: frameworkColdCounts, oneFile: oneFileCounts}};
    line(`Build: kalt (frischer Klon: kein Cache, kein dist/) ${fmt(cold, 1)} s (${coldCounts}), warm ${fmt(warm, 1)} s (${warmCounts})`);
    line(`Build ohne Framework-Cache und dist/ (Ausgaben- und Kompressionsspeicher behalten) ${fmt(frameworkCold, 1)} s (${frameworkColdCounts})`);
    line(`Build nach Änderung einer Datei (data/comparability.csv): ${fmt(oneFile, 1)} s (${oneFileCounts})`);
    const loaders = benchLoaders();
    const total = loaders.reduce((s, f) => s + f.seconds, 0);
    figures.loaders = {totalS: total, maxRssMb: Math.max(...loaders.map((f) => f.maxRssMb)), each: loaders};
    line(`Loader: ${loaders.length} Loader, zusammen ${fmt(total, 1)} s, größter Speicherbedarf ${fmt(Math.max(...loaders.map((f) => f.maxRssMb)))} MB`);
  } else if (!existsSync(join(dist, "index.html"))) {
    figures.build = {warmS: timeBuild()};
    line(`Build: ${fmt((figures.build as {warmS: number}).warmS, 1)} s (${lastBuildCounts()})`);
  }

  const browser = await launch();
  const server = await serve(dist);
  try {
    const plain = await plainPage(browser);
    figures.plain = plain;
    line(`Vergleichsseite (statisches HTML, ${fmt(plain.kb, 1)} kB): erste Darstellung nach ${fmt(plain.paintMs, 1)} ms, geladen nach ${fmt(plain.loadMs, 1)} ms`);
    line("");
    if (firstPaintOnly) {
      await firstPaintSection(browser, server, plain, figures, line);
      return;
    }
    line("Seite                                     Anfr.  übertragen kB  unkompr. kB  Kodierung      DuckDB  erstes Diagramm ms  ruhig ms  ruhig/Vergleich");
    const pages: PageFigure[] = [];
    // The 197 profile-chart embed pages share one template: Wolfsburg's four stand for them.
    const all = [...htmlPages(dist)];
    // So do the 401 Kreis pages (/kreise/<AGS>, one generator): München's stands for them.
    const measured = all.filter((path) => (!path.startsWith("/einbetten/orte/") || path.startsWith("/einbetten/orte/wolfsburg-")) && (!/^\/kreise\/\d{5}$/.test(path) || path === "/kreise/09162"));
    for (const path of measured) {
      const f = await measurePage(browser, server, path);
      pages.push(f);
      line(`${f.path.padEnd(40)} ${String(f.requests).padStart(6)} ${fmt(f.servedKb).padStart(14)} ${fmt(f.rawKb).padStart(12)}  ${f.encodings.padEnd(13)} ${(f.duckdb ? "ja" : "nein").padStart(6)} ${(f.firstChartMs === null ? "–" : fmt(f.firstChartMs)).padStart(19)} ${fmt(f.quietMs).padStart(9)} ${fmt(f.quietMs / plain.loadMs, 1).padStart(16)}`);
    }
    if (measured.length < all.length) line(`(${all.length - measured.length} weitere Einbettungsseiten von Profildiagrammen und Kreisseiten aus derselben Vorlage nicht gemessen)`);
    figures.pages = pages;

    await firstPaintSection(browser, server, plain, figures, line);

    // Interactions, each repeated; the first change of a session is left out (it compiles).
    const page = await browser.newPage({viewport: {width: 1280, height: 900}, locale: "de-DE"});
    await page.addInitScript(TIMING_SCRIPT);
    await page.goto(`${server.url}/karten/magdeburg?jahr=2025`);
    await quiet(page);
    const yearsToShow = ["2016", "2020", "2024", "2012", "2018", "2022", "2014", "2025"];
    await repaintMs(page, {control: "Jahr", value: "2023", figure: "magdeburg-stadtteile", until: "2023"});
    const mapTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const y = yearsToShow[i % yearsToShow.length];
      mapTimes.push(await repaintMs(page, {control: "Jahr", value: y, figure: "magdeburg-stadtteile", until: y}));
    }
    const mdQueries = await duckdbLatency(page, "facts-magdeburg", [
      {name: "Karte Magdeburg: Stadtteile eines Jahres", sql: MAP_QUERY(2024)},
      {name: "Alterspyramide Magdeburg: ein Jahr", sql: PYRAMID_QUERY(2024)}
    ]);
    await page.goto(`${server.url}/karten/niedersachsen`);
    await quiet(page);
    const niQueries = await duckdbLatency(page, "im-kreis-rates", [{name: "Karte Niedersachsen: alle Jahre eines Indikators", sql: KREIS_QUERY}]);

    await page.goto(`${server.url}/karten/gemeinden`);
    await quiet(page);
    const gemeindenTimes: number[] = [];
    let drawnGemeinden = 0;
    for (let i = 0; i < REPEAT; i++) {
      gemeindenTimes.push(await repaintMs(page, {control: "Gebiet", value: "ganz Niedersachsen (alle Gemeinden)", figure: "gemeinden-dichte", until: "ganz Niedersachsen"}));
      drawnGemeinden = await page.locator('[data-chart="gemeinden-dichte"] path[data-area-id]').count();
      await repaintMs(page, {control: "Gebiet", value: "Region Hannover", figure: "gemeinden-dichte", until: "Region Hannover"});
    }
    await page.close();

    const pyramid = await browser.newPage({viewport: {width: 1280, height: 900}, locale: "de-DE"});
    await pyramid.addInitScript(TIMING_SCRIPT);
    await pyramid.goto(`${server.url}/altersstruktur/magdeburg?jahr=2025`);
    await quiet(pyramid);
    const pyramidFigure = await pyramid.locator("[data-chart]").first().getAttribute("data-chart");
    const pyramidTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const y = String(2021 + (i % 4));
      pyramidTimes.push(await repaintMs(pyramid, {control: "Jahr", value: y, figure: pyramidFigure!, until: y}));
    }
    await pyramid.close();

    const interactions = {
      magdeburgYearChangeMs: median(mapTimes),
      gemeindenNiedersachsenMs: median(gemeindenTimes),
      gemeindenDrawn: drawnGemeinden,
      pyramidYearChangeMs: median(pyramidTimes),
      queries: [...mdQueries, ...niQueries]
    };
    figures.interactions = interactions;
    line("");
    line(`Jahreswechsel → neu gezeichnete Magdeburg-Karte: ${fmt(interactions.magdeburgYearChangeMs, 1)} ms (Median aus ${REPEAT}; Ziel < 100 ms; ${fmt(interactions.magdeburgYearChangeMs / plain.loadMs, 2)} × Vergleichsseite)`);
    line(`Alle ${drawnGemeinden} Gemeinden Niedersachsens zeichnen: ${fmt(interactions.gemeindenNiedersachsenMs, 1)} ms (Median aus ${REPEAT}; Ziel < 500 ms; ${fmt(interactions.gemeindenNiedersachsenMs / plain.loadMs, 2)} × Vergleichsseite)`);
    line(`Jahreswechsel → neu gezeichnete Alterspyramide: ${fmt(interactions.pyramidYearChangeMs, 1)} ms (Median aus ${REPEAT})`);
    for (const q of interactions.queries) line(`DuckDB-Abfrage ${q.name}: ${fmt(q.ms, 2)} ms (Median)`);
    // Issue 17: Germany map and Kreis pyramids (bench/germany.ts).
    figures.germany = await benchGermany(browser, server.url, {dist, repeat: REPEAT, repaintMs, quiet, median, plainMs: plain.loadMs, line, fmt, timing: TIMING_SCRIPT});
    const noQuery = pages.filter((p) => !p.duckdb).map((p) => p.path);
    line("");
    line(`Seiten ohne DuckDB-WASM: ${noQuery.join(", ") || "keine"}`);
  } finally {
    await server.close();
    await browser.close();
  }
  // The server itself under load (bench/serving.ts).
  figures.serving = await benchServing(dist, line, {smoke});
  if (jsonOut) {
    mkdirSync(dirname(jsonOut), {recursive: true});
    writeFileSync(jsonOut, JSON.stringify(figures, null, 2));
  }
}

await main();
