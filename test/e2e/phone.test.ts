/**
 * Every page at a phone's width (390 px): the page does not scroll sideways
 * (document.documentElement.scrollWidth ≤ the window), and no chart text runs
 * past its SVG or over another text. Pages made from one template (profiles,
 * profile-chart embeds) are sampled for the four places of SAMPLED_PLACES;
 * every other page, the comparison embeds included, is opened.
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, test} from "vitest";
import {checkLayout} from "./layout.ts";
import {SAMPLED_PLACES, dist, sampledRoutes, useSite} from "./site.ts";

function* htmlPages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (!entry.startsWith("_")) yield* htmlPages(path);
    } else if (entry.endsWith(".html")) {
      yield `/${relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
    }
  }
}

if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is not built: run npm run build (npm run test:e2e does)");
/** Profiles are one template too: the four sampled places (and the list page). */
const pages = sampledRoutes(htmlPages(dist)).filter((r) => !/^\/orte\/[^/]+$/.test(r) || SAMPLED_PLACES.some((p) => r === `/orte/${p}`)).sort();

const site = useSite();

describe("every page at 390 px", () => {
  test.each(pages)("%s", async (path) => {
    const page = await site.open(path, {width: 390, timeout: 90_000});
    try {
      const layout = await checkLayout(page);
      expect({path, ...layout}).toEqual({path, viewport: 390, scrollWidth: 390, wide: [], clipped: [], overlapping: []});
    } finally {
      await page.close();
    }
  });
});

describe("embed pages at the widths a report uses", () => {
  test.each([320, 800])("/einbetten/vergleich-linien at %i px", async (width) => {
    const page = await site.open("/einbetten/vergleich-linien", {width, timeout: 90_000});
    try {
      const layout = await checkLayout(page);
      expect(layout).toEqual({viewport: width, scrollWidth: width, wide: [], clipped: [], overlapping: []});
    } finally {
      await page.close();
    }
  });
});
