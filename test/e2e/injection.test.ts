/**
 * Injection and the Content-Security-Policy in real Chromium, on a fixture
 * site (test/fixtures/injection) built with the same pipeline as the atlas:
 *
 * - /gift renders poisoned area names through the real figure() and
 *   choropleth(): they must appear as text (title, table, tooltip), no
 *   element may come from them, `window.__pwned` stays undefined — with the
 *   policy and, in a copy of the page without it, also without;
 * - /unsafe, the control, puts the same name in with innerHTML: with the
 *   policy the browser blocks the handler and checkPage reports the CSP
 *   violation; without the policy the handler runs (window.__pwned = 1).
 *   So the payload is live, the violation report works, and the component
 *   test above could fail.
 */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {build} from "../../scripts/build.ts";
import {cspProblems, metaPolicy} from "../support/csp.ts";
import {checkPage, launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = join(root, "test/fixtures/injection");
// The same strings as test/fixtures/injection/src/poison.js.
const POISON = {
  img: `<img src=x onerror="window.__pwned=1">`,
  script: `"><script>window.__pwned=2</script>`,
  svg: `</title><svg onload="window.__pwned=3"><title>`,
  attr: `" onmouseover="window.__pwned=4" x="`
};

let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Inside the project (git-ignored .scratch/), so that the components'
  // imports of d3 and Plot resolve from its node_modules, as for the atlas.
  mkdirSync(join(root, ".scratch"), {recursive: true});
  site = mkdtempSync(join(root, ".scratch", "e2e-injection-"));
  cpSync(fixture, site, {recursive: true});
  cpSync(join(root, "components"), join(site, "src", "components"), {recursive: true});
  // Framework's bundles of those packages, as the atlas build left them (else built again).
  for (const cache of ["_node", "_npm"]) {
    const from = join(root, "src", ".observablehq", "cache", cache);
    if (existsSync(from)) cpSync(from, join(site, "src", ".observablehq", "cache", cache), {recursive: true});
  }
  await build({cwd: site, quiet: true});
  // Copies of both pages without their policy.
  for (const name of ["gift", "unsafe"]) {
    const html = readFileSync(join(site, "dist", `${name}.html`), "utf8");
    writeFileSync(join(site, "dist", `${name}-ohne-csp.html`), html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, ""));
  }
  server = await serve(join(site, "dist"));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, {recursive: true, force: true});
});

async function open<T>(path: string, inspect: (page: Page, problems: string[]) => Promise<T>): Promise<T> {
  const page = await browser.newPage({viewport: {width: 1000, height: 800}, locale: "de-DE"});
  try {
    const {problems} = await checkPage(page, server.url + path);
    return await inspect(page, problems);
  } finally {
    await page.close();
  }
}

/** Moves the mouse to the middle of an element (page.hover waits for a stillness Plot's tip never gives). */
async function pointAt(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** What would have come from the poison: injected elements, handler attributes, and the flag a handler sets. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    pwned: (window as unknown as {__pwned?: number}).__pwned,
    elements: [...document.querySelectorAll("main img, main script, main iframe, main svg svg")].map((e) => e.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll("main *")].flatMap((e) => e.getAttributeNames().filter((a) => /^on/i.test(a)).map((a) => `${e.tagName}[${a}]`))
  }));

describe("the fixture's built pages", () => {
  test("carry a policy that allows only their own origin; the copies without it are flagged", () => {
    for (const name of ["gift", "unsafe"]) {
      expect(cspProblems(readFileSync(join(site, "dist", `${name}.html`), "utf8")), name).toEqual([]);
      expect(cspProblems(readFileSync(join(site, "dist", `${name}-ohne-csp.html`), "utf8"))).toEqual(["no Content-Security-Policy <meta>"]);
    }
    expect(metaPolicy(readFileSync(join(site, "dist", "gift.html"), "utf8"))!.policy).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  });
});

describe("poisoned names through figure() and choropleth() in Chromium", () => {
  for (const [path, label] of [["/gift", "with the policy"], ["/gift-ohne-csp", "without the policy: the components alone keep them text"]] as const) {
    test(`${label}: text in title, table and tooltip; no element, no handler, window.__pwned undefined`, async () => {
      await open(path, async (page, problems) => {
        expect(problems).toEqual([]);
        const title = page.locator("h3.atlas-figure-title");
        expect(await title.textContent()).toBe(POISON.img);
        expect(await title.isVisible()).toBe(true);
        expect(await page.locator(".atlas-figure-subtitle").textContent()).toBe(POISON.script);
        expect(await page.locator("figcaption").textContent()).toContain(POISON.svg);
        expect(await page.locator("table.atlas-table tbody td:first-child").allTextContents()).toEqual([POISON.img, POISON.attr, POISON.script]);
        // The tooltip of the first Stadtteil: its poisoned name, the poisoned value label and detail line, as text.
        await pointAt(page, "path[data-area-id='15003000-st01']");
        const tip = page.locator("g[aria-label='tip']");
        await tip.locator("text").first().waitFor({state: "visible"});
        const tipText = ((await tip.textContent()) ?? "").replace(/[\u200b\s]/g, "");
        for (const line of [POISON.img, `${POISON.svg}: 13,2`, POISON.script]) expect(tipText).toContain(line.replace(/\s/g, ""));
        // No-data Stadtteil st06: the feature's own (poisoned) name.
        await pointAt(page, "path[data-area-id='15003000-st06']");
        await page.waitForFunction(() => document.querySelector("g[aria-label='tip']")?.textContent?.includes("keine Daten"));
        expect(((await tip.textContent()) ?? "").replace(/[\u200b\s]/g, "")).toContain(POISON.img.replace(/\s/g, ""));
        mkdirSync(join(root, "test/screenshots"), {recursive: true});
        await page.screenshot({path: join(root, "test/screenshots", `injection${path.replace(/\//g, "__")}.png`), fullPage: true});
        expect(await injected(page)).toEqual({pwned: undefined, elements: [], handlers: []});
      });
    });
  }
});

describe("the control: the same name with innerHTML", () => {
  test("with the policy: the handler is blocked and checkPage reports the violation", async () => {
    await open("/unsafe", async (page, problems) => {
      // checkPage's securitypolicyviolation listener, and Chrome's own console message about it.
      expect(problems).toContain("console error: CSP violation: script-src-attr inline");
      expect(problems.some((p) => p.startsWith("console error: Executing inline event handler violates the following Content Security Policy directive 'script-src-attr"))).toBe(true);
      const state = await injected(page);
      expect(state.pwned).toBeUndefined();
      expect(state.elements).toEqual([expect.stringMatching(/^<img src="x" onerror=/)]);
    });
  });

  test("without the policy: the handler runs — the payload is live, and nothing reports a violation", async () => {
    await open("/unsafe-ohne-csp", async (page, problems) => {
      await page.waitForFunction(() => (window as unknown as {__pwned?: number}).__pwned !== undefined);
      expect((await injected(page)).pwned).toBe(1);
      expect(problems.filter((p) => p.includes("CSP violation") || p.includes("Content Security Policy"))).toEqual([]);
    });
  });
});
