/**
 * First paint figures (issue 13), part of npm run bench: per DuckDB page the
 * time until the default view's chart is on screen (the build's picture or
 * the interactive chart, whichever comes first; not before the first
 * contentful paint) and until the interactive chart is drawn (DuckDB ready and
 * queried), over loopback and under Chromium's network emulation (10 Mbit/s,
 * 40 ms latency); and the home page's first paint and weight.
 */
import type {Browser} from "playwright-core";
import type {StaticServer} from "../test/e2e/server.ts";

export const DUCKDB_DEFAULT_VIEWS: [string, string][] = [
  ["/karten/niedersachsen", "niedersachsen-kreise"],
  ["/karten/magdeburg", "magdeburg-stadtteile"],
  ["/karten/gemeinden", "gemeinden-dichte"],
  ["/karten/deutschland", "deutschland-kreise"],
  ["/altersstruktur/kreise", "kreis-pyramide"],
  ["/vergleich", "vergleich-linien"],
  ["/altersstruktur/magdeburg", "magdeburg-alterspyramide"],
  ["/altersstruktur/auslaender-magdeburg", "magdeburg-auslaender-alter"],
  ["/altersstruktur/auslaender-niedersachsen", "niedersachsen-auslaender-alter"],
  ["/altersstruktur/goettingen", "goettingen-landkreis-auslaender-alter"]
];

export const SLOW_NETWORK = {offline: false, latency: 40, downloadThroughput: (10 * 1e6) / 8, uploadThroughput: (10 * 1e6) / 8};

const WATCH = (id: string) => `
  window.__name = (f) => f;
  window.__fp = {picture: null, interactive: null};
  new MutationObserver(() => {
    const t = performance.now();
    if (window.__fp.picture === null && document.querySelector('.atlas-firstpaint[data-firstpaint="${id}"][data-state="static"] svg, figure[data-chart="${id}"] svg')) window.__fp.picture = t;
    if (window.__fp.interactive === null && document.querySelector('figure[data-chart="${id}"] svg')) window.__fp.interactive = t;
  }).observe(document, {subtree: true, childList: true, attributes: true});
`;

export interface FirstPaintFigure {
  path: string;
  chart: string;
  firstChartMs: number;
  interactiveMs: number;
  slowFirstChartMs: number;
  slowInteractiveMs: number;
}

async function once(browser: Browser, url: string, id: string, slow: boolean): Promise<{first: number; interactive: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE"});
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
  }
  await page.addInitScript(WATCH(id));
  await page.goto(url, {waitUntil: "commit"});
  // A page that never becomes interactive in two minutes is printed as "–", not a crash of the whole run.
  await page.waitForFunction(() => (window as unknown as {__fp: {interactive: number | null}}).__fp?.interactive !== null, undefined, {timeout: 120_000, polling: 50}).catch(() => {});
  const result = await page.evaluate(() => {
    const fp = (window as unknown as {__fp: {picture: number | null; interactive: number | null}}).__fp;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    return {first: fp.picture === null ? NaN : Math.max(fp.picture, fcp), interactive: fp.interactive ?? NaN};
  });
  await context.close();
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchFirstPaint(browser: Browser, server: StaticServer, repeat: number): Promise<FirstPaintFigure[]> {
  const out: FirstPaintFigure[] = [];
  for (const [path, chart] of DUCKDB_DEFAULT_VIEWS) {
    const fast = [];
    const slow = [];
    for (let i = 0; i < repeat; i++) fast.push(await once(browser, server.url + path, chart, false));
    for (let i = 0; i < Math.max(1, Math.ceil(repeat / 2)); i++) slow.push(await once(browser, server.url + path, chart, true));
    out.push({
      path,
      chart,
      firstChartMs: median(fast.map((r) => r.first)),
      interactiveMs: median(fast.map((r) => r.interactive)),
      slowFirstChartMs: median(slow.map((r) => r.first)),
      slowInteractiveMs: median(slow.map((r) => r.interactive))
    });
  }
  return out;
}

export interface HomeFigure {
  firstPaintMs: number;
  slowFirstPaintMs: number;
  servedKb: number;
  requests: number;
  duckdb: boolean;
}

/** The home page: first contentful paint (loopback and 10 Mbit/s) and the bytes it transfers. */
export async function benchHome(browser: Browser, server: StaticServer, repeat: number): Promise<HomeFigure> {
  const paint = async (slow: boolean) => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE"});
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
    }
    await page.goto(`${server.url}/`, {waitUntil: "load"});
    await page.waitForLoadState("networkidle");
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
    await context.close();
    return fcp;
  };
  const fast = [];
  for (let i = 0; i < repeat; i++) fast.push(await paint(false));
  const slow = [await paint(true)];
  server.sent.clear();
  await paint(false);
  const servedKb = [...server.sent.values()].reduce((a, b) => a + b, 0) / 1024;
  const keys = [...server.sent.keys()];
  return {firstPaintMs: median(fast), slowFirstPaintMs: median(slow), servedKb, requests: keys.length, duckdb: keys.some((k) => /duckdb/.test(k))};
}
