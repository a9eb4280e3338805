/**
 * The series-break registry (data/series-breaks.csv): every break is a rule
 * the charts draw and the notes cite; a change across one is marked, in the
 * profile, the comparison and the Kreis map.
 */
import {describe, expect, test} from "vitest";
import * as ni from "../../components/charts/niedersachsen-kreise.ts";
import {breaksCrossed, breaksOf, crossingText, warningsFor} from "../../components/comparability.ts";
import {readComparability, readSeriesBreaks} from "../../loaders/model/comparability.ts";

const rules = readComparability();

describe("the registry", () => {
  test("Zensus 2011, Zensus 2022, Mikrozensus 2017/2020/2023, Kreis reform Göttingen 2016: each a break with a first year and a source", () => {
    const breaks = readSeriesBreaks();
    expect(breaks.map((b) => b.id)).toEqual(expect.arrayContaining(["zensus-2011", "zensus-2022", "zensus-2022-je-1000", "mikrozensus-2017", "mikrozensus-2020", "mikrozensus-zensus-2022", "kreisreform-goettingen-2016"]));
    for (const b of breaks) {
      expect(b.break_year, b.id).toMatch(/^\d{4}$/);
      expect(b.source, b.id).not.toBe("");
    }
    expect(breaks.find((b) => b.id === "zensus-2022")!.source).toContain("1.1.2");
    // The breaks are rules too: the comparability notes cite them by id.
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(breaks.map((b) => b.id)));
  });

  test("population charts 2005–2024 draw both Zensus markers", () => {
    expect(breaksOf(warningsFor(rules, {indicator: "im:1-1-1", areas: ["03"], origins: ["im:1-1-1"], years: [2005, 2024]}))).toEqual([{year: 2011, label: "Zensus 2011"}, {year: 2022, label: "Zensus 2022"}]);
  });

  test("a change crosses the Zensus 2022 between 2021 and 2022, not between 2022 and 2024; a register series (Magdeburg) never", () => {
    const sel = {indicator: "im:1-1-1", areas: ["03", "03241001"], origins: ["im:1-1-1"]};
    expect(breaksCrossed(rules, sel, 2019, 2024).map((r) => r.id)).toEqual(["zensus-2022"]);
    expect(breaksCrossed(rules, sel, 2021, 2022).map((r) => r.id)).toEqual(["zensus-2022"]);
    expect(breaksCrossed(rules, sel, 2022, 2024)).toEqual([]);
    expect(breaksCrossed(rules, {...sel, origins: ["md:bevoelkerung"]}, 2019, 2024)).toEqual([]);
    expect(crossingText(breaksCrossed(rules, sel, 2009, 2024))).toBe("über die Reihenbrüche „Zensus 2011“ (2010/2011) und „Zensus 2022“ (2021/2022) hinweg");
  });
});

describe("the Kreis map marks a change across a break", () => {
  const row = (area_id: string, year: number, value: number): ni.NiSeriesRow => ({area_id, name: area_id, area_level: "kreis", year, value, flag: null, source_file: "data/indicator_1-2-2.csv", source_row: 1});
  const series = [row("03", 2019, 10), row("03", 2022, 12), row("03", 2024, 13.7), row("03103", 2019, 15), row("03103", 2022, 18), row("03103", 2024, 20)];
  const indicator = {id: "im:1-2-2", title: "Anteil der Ausländerinnen und Ausländer an der Bevölkerung in Prozent"};
  const variant = {category: "total", sex: "total", unit: "percent"};
  test("2019–2024 crosses the Zensus 2022; 2022–2024 does not; the title says so", () => {
    const across = ni.niView(series, new Set(["03103"]), {indicator, variant, year: 2024, base: 2019, change: true, rules});
    expect(across.crossing).toBe("über den Reihenbruch „Zensus 2022“ (2021/2022) hinweg");
    expect(ni.niMapTitle(across)).toBe("Anteil der Ausländerinnen und Ausländer an der Bevölkerung in Prozent – insgesamt: Veränderung 2019–2024 (über einen Reihenbruch)");
    expect(across.data[0].value).toBe(5);
    const within = ni.niView(series, new Set(["03103"]), {indicator, variant, year: 2024, base: 2022, change: true, rules});
    expect(within.crossing).toBe("");
  });
});
