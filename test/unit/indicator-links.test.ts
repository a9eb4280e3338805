/**
 * The indicator ↔ data mapping (data/concepts/indicator-links.csv): one row
 * per indicator the documents name, every row's element exists, and every
 * link opens a page whose parameters select data the atlas really holds for
 * that place (checked on the tables built from the pinned sources).
 */
import {existsSync} from "node:fs";
import {beforeAll, describe, expect, test} from "vitest";
import {GAPS, LINK_STATUSES, readIndicatorLinks} from "../../loaders/model/concept-catalogue.ts";
import {catalogue as indicatorCatalogue} from "../../loaders/model/catalogue.ts";
import {readConcept} from "../../loaders/parse/concepts.ts";
import {DOCUMENTS} from "../../loaders/parse/documents.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {allFacts, buildAll, buildImKreisRates} from "../../loaders/model/tables.ts";
import config from "../../observablehq.config.ts";

const links = readIndicatorLinks();
const doc = (slug: string) => DOCUMENTS.find((d) => d.slug === slug)!;
const key = (l: {doc_id: string; concept_id: string}) => `${l.doc_id}/${l.concept_id}`;

/** The Ausprägung label the Kreis map writes to its URL (src/karten/niedersachsen.md, variantLabel). */
function variantLabel(f: Pick<Fact, "category" | "sex" | "unit">): string {
  const sex = f.sex === "female" ? "weiblich" : f.sex === "male" ? "männlich" : null;
  return [f.category === "total" ? null : f.category.replaceAll("; ", " · "), sex, f.unit === "percent" ? null : f.unit].filter(Boolean).join(" · ") || "insgesamt";
}

function pagePaths(): Set<string> {
  const paths = new Set<string>();
  const walk = (items: {path?: string; pages?: unknown[]}[]) => {
    for (const item of items) {
      if (item.path) paths.add(item.path);
      if (item.pages) walk(item.pages as {path?: string; pages?: unknown[]}[]);
    }
  };
  walk(config.pages);
  return paths;
}

describe("the mapping covers every indicator the documents name", () => {
  test("one row per Wolfsburg indicator (188) and per Göttingen Kennzahl (124), no duplicates", () => {
    const keys = links.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    const wolfsburg = readConcept(doc("wolfsburg")).filter((e) => e.level === "indikator").map((e) => `001/${e.id}`);
    const goettingen = readConcept(doc("goettingen")).filter((e) => e.indicator_text).map((e) => `000/${e.id}`);
    expect(wolfsburg).toHaveLength(188);
    expect(goettingen).toHaveLength(124);
    for (const k of [...wolfsburg, ...goettingen]) expect(keys).toContain(k);
    expect(links).toHaveLength(188 + 124 + 4 + 3);
  });

  test("every row names an existing element, a known status and gap, and a reason", () => {
    const ids = new Set(DOCUMENTS.flatMap((d) => readConcept(d).map((e) => `${d.doc_id}/${e.id}`)));
    expect(links.filter((l) => !ids.has(key(l))).map(key)).toEqual([]);
    expect(links.filter((l) => !LINK_STATUSES.includes(l.status)).map(key)).toEqual([]);
    expect(links.filter((l) => !(l.gap in GAPS)).map(key)).toEqual([]);
    expect(links.filter((l) => l.reason.trim().length < 20).map(key)).toEqual([]);
  });

  test("rows with data have a link to a listed page; rows without have none", () => {
    const pages = pagePaths();
    for (const l of links) {
      if (l.status === "not_yet") expect(`${key(l)} ${l.link}`).toBe(`${key(l)} `);
      else {
        const url = new URL(l.link, "http://atlas.invalid");
        expect(pages.has(url.pathname), `${key(l)}: ${url.pathname} is not a page`).toBe(true);
        expect(l.atlas_indicator, key(l)).not.toBe("");
        expect(l.area_id, key(l)).not.toBe("");
      }
    }
  });

  test("status counts: nothing fully measurable, 11 partly (Wolfsburg 7, Hannover 1, Magdeburg 3)", () => {
    const count = (docId: string, status: string) => links.filter((l) => l.doc_id === docId && l.status === status).length;
    expect(links.filter((l) => l.status === "measurable")).toHaveLength(0);
    expect([count("001", "partly"), count("002", "partly"), count("004", "partly")]).toEqual([7, 1, 3]);
  });
});

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

describe.runIf(mirrorPresent)("every link selects data the atlas holds (real data)", () => {
  let ids: Set<string>;
  let rates: Fact[];
  let magdeburg: Fact[];
  beforeAll(async () => {
    const built = await buildAll();
    ids = new Set(indicatorCatalogue(allFacts(built), built.indicators).map((e) => e.id));
    rates = (await buildImKreisRates()).facts;
    magdeburg = built["facts-magdeburg"].facts;
  }, 300_000);

  test("every atlas indicator named is in the indicator catalogue", () => {
    expect(links.filter((l) => l.atlas_indicator && !ids.has(l.atlas_indicator)).map((l) => `${key(l)} ${l.atlas_indicator}`)).toEqual([]);
  });

  /** The value a link's page shows for its selected area (undefined: the page would show none). */
  function linkedValue(link: string): {indicator: string; area: string; value: number | null | undefined} {
    const url = new URL(link, "http://atlas.invalid");
    const p = url.searchParams;
    const area = p.get("gebiet") ?? "";
    const year = Number(p.get("jahr"));
    if (url.pathname === "/karten/niedersachsen") {
      const indicator = p.get("indikator") ?? "";
      const variant = p.get("auspraegung") ?? "insgesamt";
      const hits = rates.filter((f) => f.indicator === indicator && f.year === year && f.area_id === area && variantLabel(f) === variant);
      return {indicator, area, value: hits.length === 1 ? hits[0].value : undefined};
    }
    if (url.pathname === "/karten/magdeburg" && p.get("kennzahl") === "anteil") {
      const hits = magdeburg.filter((f) => f.indicator === "md:auslaenderanteil" && f.year === year && f.area_id === area);
      return {indicator: "md:auslaenderanteil", area, value: hits.length === 1 ? hits[0].value : undefined};
    }
    return {indicator: "", area, value: undefined};
  }

  test("each linked chart has a value for the linked area, indicator and year", () => {
    const withLink = links.filter((l) => l.link);
    expect(withLink).toHaveLength(11);
    for (const l of withLink) {
      const target = linkedValue(l.link);
      expect(`${key(l)} → ${target.indicator} ${target.area}`).toBe(`${key(l)} → ${l.atlas_indicator} ${l.area_id}`);
      expect(typeof target.value, `${key(l)}: ${l.link}`).toBe("number");
    }
  });

  test("the linked values, as published", () => {
    const value = (id: string) => linkedValue(links.find((l) => `${l.doc_id}/${l.concept_id}` === id)!.link).value;
    // Wolfsburg 2024: 20,0 % foreign residents (IM 1-2-2), 21,5 % of foreign school leavers without Hauptschulabschluss (IM 4-1-4).
    expect(value("001/z1.i20")).toBeCloseTo(20.03, 2);
    expect(value("001/z2.i25")).toBeCloseTo(21.5, 5);
    // Mindestsicherungsquote of foreign residents, Wolfsburg 2024: 296 per 1,000 (IM 6-2-1).
    expect(value("001/z9.i8")).toBe(296);
    // Magdeburg, Neue Neustadt 2025: 30,5 % foreign residents (KISS-MD).
    expect(value("004/hf4.k9")).toBeCloseTo(30.52, 2);
  });
});
