/**
 * Issue 18 A: numbers a planner can quote. Series breaks are data (Zensus
 * 2022 marked on changes and drawn on charts), impossible shares are never
 * drawn, variants whose parts do not add up are not ranked, titles are clean
 * German, every IM fact carries its reference date. Real values from the
 * pinned files:
 *   IM   = christoph-LSN/IM_Data/bb9749e…/data/indicator_<id>.csv
 *   KISS = SmartCityMagdeburg2026/Datasources/477945…/data/kiss-md/json/bevoelkerung/
 */
import {existsSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import * as vgl from "../../components/charts/vergleich.ts";
import {breaksOf, type ComparabilityRule} from "../../components/comparability.ts";
import {catalogue} from "../../loaders/model/catalogue.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {comparisonRows, comparisonTable} from "../../loaders/model/comparison.ts";
import {toIPC, type Fact} from "../../loaders/model/model.ts";
import {profiles, type Profile} from "../../loaders/model/profiles.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {profileMarkdown} from "../../loaders/site/profile-page.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";
import {buildImKreisRates, buildMagdeburgFacts} from "../../loaders/model/tables.ts";
import * as ni from "../../components/charts/niedersachsen-kreise.ts";
import {catalogueMarkdown} from "../../loaders/site/catalogue-page.ts";
import {factsTable} from "../../loaders/model/model.ts";
import type {Finding} from "../../loaders/model/quality.ts";

const {document} = new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window;
const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

describe.runIf(mirrorPresent)("numbers a planner can quote (real data)", () => {
  let facts: Fact[];
  let all: Profile[];
  let data: vgl.ComparisonData;
  let entries: vgl.IndicatorEntry[];
  let rules: ComparabilityRule[];
  let indicatorsFull: Awaited<ReturnType<typeof readableFacts>>["indicators"];
  const view = (params: Record<string, string>) => vgl.comparisonFor(data, vgl.comparisonParams((n) => params[n] ?? null), {catalogue: entries, rules})!;
  beforeAll(async () => {
    const built = await readableFacts();
    facts = built.facts;
    indicatorsFull = built.indicators;
    all = profiles(facts);
    data = vgl.arrowComparisonData(tableFromIPC(toIPC(comparisonTable(comparisonRows(facts)))));
    entries = JSON.parse(JSON.stringify(catalogue(facts, built.indicators)));
    rules = JSON.parse(JSON.stringify(readComparability()));
  }, 240_000);

  describe("the Zensus 2022 break", () => {
    test("Hannover city's population change 2019–2024 (−15.656, of which −19.392 from 2021 to 2022) is marked as crossing it on the profile", () => {
      const hannover = all.find((p) => p.place.area_id === "03241001")!;
      const pop = hannover.figures.find((f) => f.key === "bevoelkerung")!;
      // IM 1-1-1: 536.925 (2019), 535.932 (2021), 516.540 (2022), 521.269 (2024).
      expect([2019, 2021, 2022, 2024].map((y) => pop.series.find((p) => p.year === y)?.value)).toEqual([536925, 535932, 516540, 521269]);
      const page = profileMarkdown(hannover, {rules, missing: []});
      const row = /<tr data-figure="bevoelkerung">.*?<\/tr>/.exec(page)![0];
      expect(row).toContain("−15.656 seit 2019");
      expect(row).toMatch(/data-breaks="[^"]*zensus-2022/);
      expect(row).toContain("über den Reihenbruch „Zensus 2022“ (2021/2022) hinweg");
      // The definition names the new basis.
      expect(pop.definition).toContain("ab 2022 auf Basis des Zensus 2022");
      expect(pop.definition).not.toMatch(/ab 2011 auf Basis des Zensus 2011\)/);
    });

    test("a change that does not cross it is not marked (Magdeburg's register is not rebased)", () => {
      const magdeburg = all.find((p) => p.place.area_id === "15003000")!;
      const row = /<tr data-figure="bevoelkerung">.*?<\/tr>/.exec(profileMarkdown(magdeburg, {rules, missing: []}))![0];
      expect(row).not.toContain("Reihenbruch");
    });

    test("the comparison marks Hannover city's change 2019–2024 as crossing it, and draws the 2022 marker on the population chart", () => {
      const v = view({indikator: "im:1-1-1", orte: "03,03241001", bezug: "anzahl", jahr: "2024"});
      const h = v.difference.data.find((r) => r.Ort === "Landeshauptstadt Hannover")!;
      expect([h.Wert, h.Seit, h.Veränderung]).toEqual([521269, 2019, -15656]);
      expect(h.Reihenbruch).toBe("über den Reihenbruch „Zensus 2022“ (2021/2022) hinweg");
      expect(breaksOf(v.warnings)).toEqual([{year: 2011, label: "Zensus 2011"}, {year: 2022, label: "Zensus 2022"}]);
      const svg = vgl.linesFigure(v, {width: 800, document});
      expect([...svg.querySelectorAll("svg text")].map((t) => t.textContent)).toEqual(expect.arrayContaining(["Zensus 2022", "Zensus 2011"]));
      // Within the same basis (2022–2024) nothing is marked.
      const since2022 = view({indikator: "im:1-1-1", orte: "03,03241001", bezug: "anzahl", jahr: "2026"});
      expect(since2022.year).toBe(2024);
    });

    test("shares per inhabitant inherit the break through their denominator (IM 1-2-2, per 1,000)", () => {
      const share = view({indikator: "im:1-2-2", orte: "03,03241001", jahr: "2024"});
      expect(share.difference.data.find((r) => r.Ort === "Landeshauptstadt Hannover")?.Reihenbruch).toContain("Zensus 2022");
      const rate = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "je1000", jahr: "2024"});
      expect(rate.warnings.map((r) => r.id)).toContain("zensus-2022-je-1000");
      expect(rate.difference.data[0].Reihenbruch).toContain("Zensus 2022");
      const count = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "anzahl", jahr: "2024"});
      expect(count.difference.data[0].Reihenbruch).toBe("");
    });
  });

  describe("no impossible value is drawn", () => {
    let md: {facts: Fact[]; findings: Finding[]};
    beforeAll(async () => {
      md = await buildMagdeburgFacts();
    }, 120_000);
    const share2021 = (name: string) => md.facts.find((f) => f.indicator === "md:auslaenderanteil" && f.area_name === name && f.year === 2021)!;

    test("Beyendorfer Grund 2021: KISS-MD prints 0 % beside 7 foreigners of 20 inhabitants (K3_T36 row 22, K3_T41 row 473, K3_T35 row 432): not drawn, a finding", () => {
      const s = share2021("Beyendorfer Grund");
      expect([s.value, s.flag]).toEqual([null, "contradicted"]);
      const finding = md.findings.find((f) => f.check === "consistency" && f.indicator === "md:auslaenderanteil" && f.year === 2021 && f.message.startsWith("Beyendorfer Grund"))!;
      expect(finding.message).toContain("7 von 20 = 35.00");
      expect(finding.ref).toContain("K3_T36 var6");
    });

    test("Großer Silberberg and Kreuzhorst 2021: 0 foreigners of 0 inhabitants is no share (and no average age)", () => {
      for (const name of ["Großer Silberberg", "Kreuzhorst"]) {
        expect([share2021(name).value, share2021(name).flag], name).toEqual([null, "no_base"]);
        const age = md.facts.find((f) => f.indicator === "md:durchschnittsalter" && f.area_name === name && f.year === 2021)!;
        expect([age.value, age.flag], name).toEqual([null, "no_base"]);
        expect(md.findings.filter((f) => f.check === "consistency" && f.year === 2021 && f.message.startsWith(name)).length, name).toBeGreaterThanOrEqual(2);
      }
      // The counts themselves stay: 0 is a true count there.
      expect(md.facts.find((f) => f.indicator === "md:bevoelkerung" && f.area_name === "Kreuzhorst" && f.year === 2021 && f.sex === "total" && f.age_group === "total")?.value).toBe(0);
    });

    test("the comparison and profiles never see them as 0 %: no Magdeburg Stadtteil share of 0 with people living there", () => {
      const zeros = md.facts.filter((f) => f.indicator === "md:auslaenderanteil" && f.value === 0);
      const population = new Map(md.facts.filter((f) => f.indicator === "md:bevoelkerung" && f.sex === "total" && f.age_group === "total").map((f) => [`${f.area_id}|${f.year}`, f.value]));
      expect(zeros.filter((f) => population.get(`${f.area_id}|${f.year}`) !== 0 && md.facts.some((g) => g.indicator === "md:auslaender" && g.area_id === f.area_id && g.year === f.year && g.sex === "total" && g.age_group === "total" && (g.value ?? 0) > 0))).toEqual([]);
      expect(zeros.filter((f) => population.get(`${f.area_id}|${f.year}`) === 0)).toEqual([]);
    });

    test("Gewerbegebiet Nord 2025: 4 foreigners (K3_T36 row 192) are kept although K3_T39 withholds the cell", () => {
      const f = md.facts.find((x) => x.indicator === "md:auslaender" && x.area_name === "Gewerbegebiet Nord" && x.year === 2025 && x.sex === "total" && x.age_group === "total")!;
      expect([f.value, f.flag]).toEqual([4, null]);
      expect(f.source_ref).toContain("row 192 (K3_T36 var5)");
    });

    test("IM 2-1-5 Niedersachsen 2024, male Gestattung share: the value its counts confirm (27.810 / 60.480 = 45,98 %, rows 4648 and 149) is kept, the other (35,36 %) named", () => {
      const f = facts.find((x) => x.indicator === "im:2-1-5" && x.area_id === "03" && x.year === 2024 && x.sex === "male" && x.unit === "percent" && x.category === "ohne Aufenthaltstitel=Aufenthaltsgestattung")!;
      expect([f.value, f.flag, f.source_ref]).toEqual([45.9821428571429, null, "data/indicator_2-1-5.csv:13648"]);
    });
  });

  describe("variants, titles, reference dates", () => {
    test("the AsylbLG sex variants are not offered, so never ranked or rated per 1,000 (Magdeburg: 927 male of 980)", () => {
      const male = facts.find((f) => f.indicator === "destatis:asylbewerberleistungen" && f.area_id === "15003" && f.sex === "male");
      expect(male?.value).toBe(927); // still in the fact table and its export, with the finding
      const rowsOf = data.rowsOf("destatis:asylbewerberleistungen").filter((r) => r.indicator === "destatis:asylbewerberleistungen");
      expect(rowsOf.length).toBeGreaterThan(40);
      expect(rowsOf.filter((r) => r.sex !== "total")).toEqual([]);
      expect(vgl.variantsOf(rowsOf, "destatis:asylbewerberleistungen").map((v) => v.sex)).toEqual(["total"]);
      const v = view({indikator: "destatis:asylbewerberleistungen", auspraegung: "weiblich · Personen", orte: "03,15003000", bezug: "anzahl"});
      expect(v.variant.sex).toBe("total");
      expect(v.ranking.rows.find((r) => r.area_id === "15003000")?.value).toBe(980);
      expect(entries.find((e) => e.id === "destatis:asylbewerberleistungen")).toMatchObject({total_only: ["sex"]});
    });

    test("the Kreis map of 2-1-5 defaults to the total share (all sexes) with a clean German title", async () => {
      const {facts: rates} = await buildImKreisRates();
      const entry = entries.find((e) => e.id === "im:2-1-5")! as ni.CatalogueEntry;
      const mine = rates.filter((f) => f.indicator === "im:2-1-5").map((f) => ({...f, source_file: "", source_row: null}));
      const variants = ni.niVariants(mine);
      const variant = ni.pickVariant(variants, "", entry);
      expect(variant).toEqual({category: "ohne Aufenthaltstitel=Anteil der Ausländerinnen und Ausländer ohne Aufenthaltstite", sex: "total", unit: "percent"});
      const title = ni.niMapTitle({indicator: entry, variant, change: false, base: 2019, year: 2024});
      expect(title).toBe("Ausländerinnen und Ausländer ohne Aufenthaltstitel – Anteil an allen Ausländerinnen und Ausländern, 2024");
      const female = variants.find((v) => v.sex === "female" && v.category.endsWith("Duldung"))!;
      expect(ni.niMapTitle({indicator: entry, variant: female, change: false, base: 2019, year: 2024})).toBe("Ausländerinnen und Ausländer ohne Aufenthaltstitel – Anteil mit Duldung an allen ohne Aufenthaltstitel, Frauen, 2024");
      for (const v of variants) expect(ni.niMapTitle({indicator: entry, variant: v, change: false, base: 2019, year: 2024})).not.toMatch(/=|·|Aufenthaltstite\b|weiblich|männlich/);
      // Niedersachsen 2024: 9,0 % of all foreigners have no residence title (IM 2-1-5 row 9150).
      expect(rates.find((f) => f.indicator === "im:2-1-5" && f.area_id === "03" && f.year === 2024 && f.sex === "total" && f.category === variant.category)?.value).toBe(9.00000914821015);
    });

    test("/indikatoren has no unresolved translation key, no footnote marks, no upstream typos; the upstream title is kept", () => {
      const page = catalogueMarkdown(catalogue(facts, indicatorsFull));
      expect(page).not.toMatch(/global_indicators\.|[A-Za-z_]+\.\d+-\d+-\d+-(title|description)/);
      const list = catalogue(facts, indicatorsFull);
      for (const e of list) {
        expect(e.title, e.id).not.toMatch(/^[A-Za-z_]+\.[\w-]+$|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾|Aufenthalstitel/);
        if (e.source_id === "im-niedersachsen") expect(e.title, e.id).not.toMatch(/in Niedersachsen in Prozent|Einwohnerinnen und Einwohnern$/);
      }
      const by = new Map(list.map((e) => [e.id, e]));
      expect(by.get("im:2-2-5")!.title).toBe("Inobhutnahmen unbegleitet eingereister Kinder und Jugendlicher nach Altersgruppen");
      expect(by.get("im:2-2-5")!.upstream_title).toBe(""); // the source's key is not translated: no upstream title to keep
      expect(by.get("im:6-3-2")!.title).toBe("Haushaltsnettoeinkommen nach Migrationshintergrund und Haushaltsgröße");
      expect(by.get("im:2-3-3")!.title).toBe("Einbürgerungen je 100 Ausländerinnen und Ausländer");
      expect(by.get("im:2-3-3")!.upstream_title).toContain("und an allen Einwohnerinnen und Einwohnern");
      expect(by.get("im:1-2-4")!.title).toBe("Ausländerinnen und Ausländer nach ausgewählten Staatsangehörigkeiten");
      expect(page).toContain("Titel in der Quelle");
      // Every indicator says stock or flow: every IM indicator is reviewed.
      expect(list.filter((e) => e.source_id === "im-niedersachsen" && !e.timing).map((e) => e.id)).toEqual([]);
      expect([by.get("im:1-1-1")!.timing, by.get("im:2-3-1")!.timing, by.get("im:1-3-1")!.timing]).toEqual(["stock", "flow", "survey"]);
    });

    test("every exported IM fact has a reference date: a stock its day, a flow its period", () => {
      const im = facts.filter((f) => f.source_id === "im-niedersachsen");
      expect(im.length).toBe(203768);
      const exported = factsTable(im).getChild("reference_date")!;
      expect(exported.nullCount).toBe(0);
      const iso = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}-\d{2})?)?$/;
      expect(im.filter((f) => !iso.test(f.reference_date ?? "")).map((f) => f.reference_date).slice(0, 5)).toEqual([]);
      const at = (indicator: string, year: number, category = "total") => im.find((f) => f.indicator === indicator && f.area_id === "03" && f.year === year && f.sex === "total" && f.category === category)?.reference_date;
      expect(at("im:1-1-1", 2022)).toBe("2022-12-31");
      expect(at("im:2-3-1", 2022)).toBe("2022-01-01/2022-12-31");
      expect(at("im:5-2-1", 2022, im.find((f) => f.indicator === "im:5-2-1" && f.area_id === "03" && f.year === 2022 && f.sex === "total")!.category)).toBe("2022-06-30");
      expect(im.find((f) => f.indicator === "im:1-1-2" && f.category.includes("Zeitraum=2024 / 2019"))?.reference_date).toBe("2019-12-31/2024-12-31");
      expect(im.find((f) => f.indicator === "im:4-3-1" && f.category.includes("Zeitraum=WS 2015/16"))?.reference_date).toBe("2015-10-01/2016-03-31");
    });
  });
});
