/**
 * The comparability rules (data/comparability.csv) trigger where definitions
 * differ, and stay quiet where they do not.
 */
import {describe, expect, test} from "vitest";
import {applies, breaksOf, warningsFor, type Selection} from "../../components/comparability.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {places} from "../../loaders/model/places.ts";

const rules = readComparability();
const ids = (s: Selection) => warningsFor(rules, s).map((r) => r.id).sort();

describe("the rule table", () => {
  test("ids are unique and every rule has a title, a text and a source", () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.title, r.id).not.toBe("");
      expect(r.text.length, r.id).toBeGreaterThan(40);
      expect(r.source, r.id).not.toBe("");
    }
  });
  test("every area a rule names is a place or a Mikrozensus Kreis group", () => {
    const known = new Set([...places().map((p) => p.area_id), "03354+03360", "03402+03457", "03455+03462"]);
    const named = rules.flatMap((r) => r.areas.split(/[;|]/).map((a) => a.trim()).filter(Boolean));
    expect(named.filter((a) => !known.has(a))).toEqual([]);
  });
});

describe("rules trigger on the selections they are about", () => {
  test("Stadt and Landkreis Göttingen together", () => {
    expect(ids({indicator: "im:1-2-2", areas: ["03", "03159016", "03159"]})).toContain("goettingen-stadt-landkreis");
    expect(ids({indicator: "im:1-2-2", areas: ["03", "03159"]})).not.toContain("goettingen-stadt-landkreis");
  });
  test("the Region Hannover chosen: its parts are ranked beside it", () => {
    expect(ids({indicator: "im:2-3-3", areas: ["03", "03241"]})).toContain("hannover-stadt-region");
    expect(ids({indicator: "im:2-3-3", areas: ["03241001", "03241999"]})).not.toContain("hannover-stadt-region");
  });
  test("migration background from the register (Göttingen) against the Mikrozensus", () => {
    const s = {indicator: "im:1-3-1", areas: ["03", "03159016"], origins: ["im:1-3-1", "goettingen:migration_background_share"], years: [2018, 2022]};
    expect(ids(s)).toContain("migrationshintergrund-register-mikrozensus");
    expect(ids({...s, origins: ["im:1-3-1"]})).not.toContain("migrationshintergrund-register-mikrozensus");
  });
  test("the 2011 Zensus re-basing only when the years shown cross it", () => {
    expect(ids({indicator: "im:1-2-2", areas: ["03", "03103"], years: [2009, 2010, 2011, 2012]})).toContain("zensus-2011");
    expect(ids({indicator: "im:1-2-2", areas: ["03", "03103"], years: [2012, 2013, 2024]})).not.toContain("zensus-2011");
    expect(ids({indicator: "im:2-3-1", areas: ["03", "03103"], years: [2010, 2011], measure: "per_1000"})).toEqual(expect.arrayContaining(["zensus-2011-je-1000", "je-1000-berechnet"]));
  });
  test("Mikrozensus series breaks 2017, 2020 and 2023", () => {
    const got = ids({indicator: "im:1-3-1", areas: ["03"], years: [2016, 2017, 2019, 2021, 2024]});
    expect(got).toEqual(expect.arrayContaining(["mikrozensus-2017", "mikrozensus-2020", "mikrozensus-zensus-2022"]));
    expect(breaksOf(warningsFor(rules, {indicator: "im:1-3-1", areas: ["03"], years: [2016, 2017]}))).toEqual([{year: 2017, label: "ab 2017 i. w. S."}]);
  });
  test("Kreise the Mikrozensus reports in groups", () => {
    expect(ids({indicator: "im:1-3-1", areas: ["03", "03360"]})).toContain("mikrozensus-kreisgruppen");
    expect(ids({indicator: "im:1-2-2", areas: ["03", "03360"]})).not.toContain("mikrozensus-kreisgruppen");
  });
  test("Magdeburg: register counts and the Land of another state", () => {
    const s = {indicator: "im:1-2-2", areas: ["03", "15003000"], origins: ["im:1-2-2", "md:auslaenderanteil"], years: [2020, 2024]};
    expect(ids(s)).toEqual(expect.arrayContaining(["auslaender-magdeburg-melderegister", "magdeburg-sachsen-anhalt"]));
  });
  test("the Stadt Göttingen's residence-entitled population and the atlas's naturalisation rate", () => {
    const s = {indicator: "im:2-3-3", areas: ["03", "03159016"], origins: ["im:2-3-3", "goettingen:naturalisations/foreigners_persons"], years: [2018, 2022]};
    expect(ids(s)).toEqual(expect.arrayContaining(["goettingen-wohnberechtigt", "goettingen-einbuergerungsquote-berechnet"]));
  });
  test("residence status only for the Region Hannover as a whole", () => {
    expect(ids({indicator: "im:2-1-5", areas: ["03", "03241001"]})).toContain("hannover-status-region");
    expect(ids({indicator: "im:2-1-5", areas: ["03", "03241"]})).not.toContain("hannover-status-region");
  });
  test("a plain comparison of Kreise within one series triggers nothing", () => {
    expect(ids({indicator: "im:2-3-3", areas: ["03", "03103", "03357"], origins: ["im:2-3-3"], years: [2018, 2019, 2020, 2024]})).toEqual([]);
  });
  test("every rule triggers on some selection", () => {
    // One selection per rule built from its own conditions: the table holds no dead rule.
    for (const r of rules) {
      const indicator = r.indicators.split(";")[0]?.replace("*", "1") || "im:1-2-2";
      const areas = r.areas.split(";").filter(Boolean).map((g) => g.split("|")[0]);
      const y = Number(r.break_year) || 2015;
      expect(applies(r, {indicator, areas, origins: r.origins.split(";").filter(Boolean), years: [y - 1, y], measure: r.measure || undefined}), r.id).toBe(true);
    }
  });
});
