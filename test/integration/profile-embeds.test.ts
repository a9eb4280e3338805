/**
 * The site bundle from the pinned sources: every profile chart has exactly
 * one embed page whose inlined spec is the profile page's, and the profile
 * page names the static SVG of each of its charts (Framework publishes only
 * the files a page names).
 */
import {existsSync} from "node:fs";
import {beforeAll, describe, expect, test} from "vitest";
import type {ChartSpec} from "../../components/profilechart.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {profileEmbedRoute} from "../../loaders/site/profile-embed-page.ts";
import {buildSiteBundle, type SiteBundle} from "../../loaders/site/site-bundle.ts";
import {existingRoutes} from "../../loaders/site/routes.ts";

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

/** The value after `const <name> = JSON.parse("…")` in a page's code (loaders/site/html.ts, jsonLiteral). */
function literal(markdown: string, name: string): unknown {
  const m = new RegExp(`const ${name} = JSON\\.parse\\((".*")\\);\\n`).exec(markdown);
  if (!m) throw new Error(`no const ${name}`);
  return JSON.parse(JSON.parse(m[1]));
}

describe.runIf(mirrorPresent)("profile charts: embed pages and static SVGs (real data)", () => {
  let bundle: SiteBundle;
  beforeAll(async () => {
    bundle = await buildSiteBundle("test", existingRoutes());
  }, 180_000);

  test("every place's profile page inlines its charts and names each chart's SVG", () => {
    for (const {place} of bundle.profiles) {
      const page = bundle.pages[`/orte/${place.slug}`];
      const specs = bundle.charts[place.slug];
      const attached = [...page.matchAll(/FileAttachment\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(attached, place.slug).toEqual(specs.map((s) => `../abbildungen/orte/${s.id}.svg`));
      if (specs.length) expect(literal(page, "charts"), place.slug).toEqual(specs);
    }
  });

  test("one embed page per chart, with the profile page's spec, and no other", () => {
    const specs = Object.values(bundle.charts).flat();
    const embedRoutes = Object.keys(bundle.pages).filter((r) => r.startsWith("/einbetten/"));
    expect(embedRoutes.sort()).toEqual(specs.map((s) => `/einbetten/orte/${s.id}`).sort());
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    for (const spec of specs) {
      const md = bundle.pages[profileEmbedRoute(spec)];
      expect(literal(md, "spec"), spec.id).toEqual(spec);
      expect(md).toContain("\nsidebar: false\n");
      expect(md).toContain(`href="${spec.page}" target="_top"`);
    }
  });

  test("Wolfsburg: four charts; the share of foreigners 2024 is IM 1-2-2's 20,0 %", () => {
    expect(bundle.charts.wolfsburg.map((s) => s.id)).toEqual(["wolfsburg-auslaenderanteil", "wolfsburg-einbuergerungsquote", "wolfsburg-aufenthaltsstatus", "wolfsburg-migrationshintergrund"]);
    const share = bundle.charts.wolfsburg[0] as ChartSpec;
    expect(share.page).toBe("/orte/wolfsburg");
    // IM_Data indicator_1-2-2.csv, Wolfsburg (03103), 2024.
    expect(share.rows.find((r) => r.series === "Wolfsburg" && r.year === 2024)?.value).toBe(20.0254708243285);
    expect(literal(bundle.pages["/einbetten/orte/wolfsburg-auslaenderanteil"], "spec")).toMatchObject({rows: expect.arrayContaining([expect.objectContaining({series: "Wolfsburg", year: 2024, value: 20.0254708243285})])});
  });
});
