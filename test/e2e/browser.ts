/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
 * and the checks every page must pass.
 */
import {existsSync} from "node:fs";
import {chromium, type Browser, type Page} from "playwright-core";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`Chromium not found at ${EXECUTABLE}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: EXECUTABLE,
    // The machine's network is closed: without these flags Chromium keeps
    // trying Google's hosts in the background.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
  });
}

export interface PageReport {
  url: string;
  problems: string[];
  /** Every request the page made, for benchmarks and debugging. */
  requests: string[];
}

/** What counts as a chart or map container: components mark them. */
export const CHART_SELECTOR = "[data-chart]";

/**
 * Opens `url` and collects every problem: console errors, page errors,
 * failed requests, requests to any host but the site's, CSP violations,
 * Framework cell errors, missing lang="de", and chart containers that
 * rendered nothing.
 */
export async function checkPage(page: Page, url: string, {timeout = 30_000} = {}): Promise<PageReport> {
  const origin = new URL(url).origin;
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location().url;
      problems.push(`console error: ${message.text()}${where ? ` (${where})` : ""}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const requestUrl = request.url();
    requests.push(requestUrl);
    if (/^(data|blob|about):/.test(requestUrl)) return;
    if (new URL(requestUrl).origin !== origin) problems.push(`request to another host: ${requestUrl}`);
  });
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  trackRequests(page);
  await page.goto(url, {waitUntil: "load", timeout});
  await settle(page, timeout);
  const state = await page.evaluate((selector) => {
    const empty: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const drawn = [...element.querySelectorAll("svg, canvas, img, table")].some((child) => {
        const box = child.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      });
      if (!drawn) empty.push(element.dataset.chart || element.id || element.className);
    }
    return {
      lang: document.documentElement.lang,
      errors: [...document.querySelectorAll(".observablehq--error")].map((e) => e.textContent?.trim().slice(0, 300) ?? ""),
      empty
    };
  }, CHART_SELECTOR);
  if (state.lang !== "de") problems.push(`<html lang> is "${state.lang}", not "de"`);
  for (const error of state.errors) problems.push(`cell error: ${error}`);
  for (const chart of state.empty) problems.push(`chart container rendered nothing: ${chart}`);
  return {url, problems, requests};
}

/** Requests of a page not yet answered (data:, blob: and about: URLs are no network). */
const inflight = new WeakMap<Page, Set<unknown>>();

/** Starts counting a page's open requests; checkPage does it before navigating, settle() at the latest. */
export function trackRequests(page: Page): Set<unknown> {
  let open = inflight.get(page);
  if (open) return open;
  open = new Set();
  inflight.set(page, open);
  const set = open;
  page.on("request", (r) => void (/^(data|blob|about):/.test(r.url()) || set.add(r)));
  page.on("requestfinished", (r) => void set.delete(r));
  page.on("requestfailed", (r) => void set.delete(r));
  return set;
}

/**
 * Waits until the network has been quiet for 500 ms: no request of the page
 * open. Playwright's own "networkidle" sometimes never came on pages whose
 * module scripts start after a long parse (seen on /kreise and one profile),
 * although every request had finished; this counts the requests itself.
 */
async function quiet(page: Page, timeout: number): Promise<void> {
  const open = trackRequests(page);
  const end = Date.now() + timeout;
  let quietSince = open.size ? Infinity : Date.now();
  while (Date.now() - quietSince < 500) {
    if (Date.now() > end) throw new Error(`network not quiet after ${timeout} ms: ${open.size} requests open`);
    await page.waitForTimeout(50);
    if (open.size) quietSince = Infinity;
    else if (quietSince === Infinity) quietSince = Date.now();
  }
}

/** Waits until the page has loaded, Framework has no cell still loading and the network is quiet. */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForLoadState("load", {timeout});
  await quiet(page, timeout);
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {timeout});
  await quiet(page, timeout);
}
