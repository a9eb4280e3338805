/**
 * The catalogue the concept pages load (src/data/concepts.json): fields,
 * time frames, actors and themes derived from the five transcriptions, with
 * values counted in data/concepts/*.csv.
 */
import {existsSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {buildConceptCatalogue, readThemeMappings, readThemes, splitActors, timeFrameKey} from "../../loaders/model/concept-catalogue.ts";
import {readConcept} from "../../loaders/parse/concepts.ts";
import {DOCUMENTS, seedLines, seedPath} from "../../loaders/parse/documents.ts";

const catalogue = buildConceptCatalogue();
const of = (doc: string, level?: string) => catalogue.elements.filter((e) => e.doc === doc && (!level || e.level === level));
const tally = (values: string[]) => Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));

describe("derived fields", () => {
  test("time frames as printed map to five classes", () => {
    expect(timeFrameKey("Mittelfristig")).toBe("mittel");
    expect(timeFrameKey("Kurz-/mittelfristig")).toBe("kurz_mittel");
    expect(timeFrameKey("Mittel- bis langfristig")).toBe("mittel_lang");
    expect(timeFrameKey("Langfristig")).toBe("lang");
    expect(timeFrameKey("")).toBe("");
    expect(timeFrameKey("fortlaufend")).toBe("");
  });

  test("actors split at commas, not inside parentheses or hyphenated lists", () => {
    expect(splitActors("FD 51.4 - Kindertagesstätten")).toEqual(["FD 51.4 - Kindertagesstätten"]);
    expect(splitActors("Kultur-, Sport- und Musikvereine, Integrationsrat")).toEqual(["Kultur-, Sport- und Musikvereine", "Integrationsrat"]);
    expect(splitActors("Arbeitsgruppe Diversity (FD 11.3, Referat 05), Stadtverwaltung")).toEqual(["Arbeitsgruppe Diversity (FD 11.3, Referat 05)", "Stadtverwaltung"]);
    expect(splitActors("Jobcenter, BA, Beratungsstellen, Institutionen, ...")).toEqual(["Jobcenter", "BA", "Beratungsstellen", "Institutionen"]);
    expect(splitActors("Jugendberufszentren; „Arbeitskreis Integration in den Arbeitsmarkt“")).toEqual(["Jugendberufszentren", "„Arbeitskreis Integration in den Arbeitsmarkt“"]);
  });

  test("Göttingen: every measure has a time frame and actors; 86 mittel-, 26 lang-, 10 kurzfristig", () => {
    const measures = of("goettingen", "massnahme");
    expect(measures).toHaveLength(124);
    expect(measures.filter((m) => !m.time_key || !m.actor_list?.length)).toEqual([]);
    expect(tally(measures.map((m) => m.time_key!))).toEqual({kurz: 10, kurz_mittel: 1, lang: 26, mittel: 86, mittel_lang: 1});
  });

  test("Göttingen: Referat 05 is named for 30 measures, the Jobcenter for 14", () => {
    const named = (actor: string) => of("goettingen", "massnahme").filter((m) => m.actor_list!.includes(actor)).length;
    expect(named("Referat 05 - Büro für Integration")).toBe(30);
    expect(named("FB 52 - Jobcenter")).toBe(14);
    expect(named("Agentur für Arbeit")).toBe(13);
  });

  test("Wolfsburg: the 188 indicators by field, 44 · 70 · 59 · 15", () => {
    const indicators = of("wolfsburg", "indikator");
    expect(indicators).toHaveLength(188);
    expect(tally(indicators.map((i) => i.field))).toEqual({hf1: 44, hf2: 70, hf3: 59, hf4: 15});
    // Independent check: the transcriber's note names the section (8.N) each table stands in.
    for (const i of indicators) expect(`${i.id} ${/ in 8\.(\d)/.exec(i.note ?? "")?.[1]}`).toBe(`${i.id} ${i.field.slice(2)}`);
  });

  test("Wolfsburg: indicators per goal (goal 1 has 40, goal 12 one)", () => {
    const indicators = of("wolfsburg", "indikator");
    const perGoal = tally(indicators.map((i) => i.goal!));
    expect(perGoal.z1).toBe(40);
    expect(perGoal.z2).toBe(36);
    expect(perGoal.z12).toBe(1);
    expect(Object.keys(perGoal)).toHaveLength(14);
  });

  test("fields and depth follow the tree", () => {
    const m = of("goettingen").find((e) => e.id === "hf1.oz1.1.1.m1")!;
    expect(m).toMatchObject({field: "hf1", goal: "hf1.kt1.1", depth: 3, parent: "hf1.oz1.1.1"});
    expect(of("magdeburg").find((e) => e.id === "hf4.ag4.2.4")).toMatchObject({field: "hf4", goal: "hf4"});
    expect(of("region-hannover").find((e) => e.id === "p3")).toMatchObject({field: "", depth: 0});
  });

  test("the catalogue holds every transcribed element", () => {
    for (const doc of DOCUMENTS) expect(of(doc.slug).length).toBe(readConcept(doc).length);
    expect(catalogue.elements).toHaveLength(206 + 211 + 229 + 163 + 341);
  });
});

describe("themes", () => {
  const vocabulary = new Set(readThemes().map((t) => t.theme));
  const mappings = readThemeMappings();

  test("every mapped theme is in the vocabulary, every mapped element exists", () => {
    expect(vocabulary.size).toBe(16);
    expect(mappings.flatMap((m) => m.themes).filter((t) => !vocabulary.has(t))).toEqual([]);
    const ids = new Set(catalogue.elements.map((e) => `${e.doc}/${e.id}`));
    const slug = new Map(DOCUMENTS.map((d) => [d.doc_id, d.slug]));
    expect(mappings.filter((m) => !ids.has(`${slug.get(m.doc_id)}/${m.concept_id}`)).map((m) => m.concept_id)).toEqual([]);
    expect(mappings.filter((m) => m.themes.length === 0 && !m.note)).toEqual([]);
  });

  test("all 28 Handlungsfelder of the five concepts are mapped", () => {
    const fields = catalogue.elements.filter((e) => e.level === "handlungsfeld");
    expect(fields).toHaveLength(6 + 4 + 8 + 4 + 6);
    expect(fields.filter((f) => !f.mapped || f.themes.length === 0).map((f) => `${f.doc}/${f.id}`)).toEqual([]);
  });

  test("elements inherit the themes of their nearest mapped ancestor", () => {
    expect(of("goettingen").find((e) => e.id === "hf1.oz1.1.1.m1")!.themes).toEqual(["sprache", "fruehe_bildung"]);
    expect(of("wolfsburg").find((e) => e.id === "z7.i5")!.themes).toEqual(["sprache"]);
    expect(of("rotenburg").find((e) => e.id === "hf1.lz1.hz1.e1")!.themes).toEqual(["arbeit", "bildung"]);
    // Only Wolfsburg's steering cycle and Göttingen's Nachhaltigkeit stand outside the vocabulary.
    expect(catalogue.elements.filter((e) => e.themes.length === 0).map((e) => `${e.doc}/${e.id}`)).toEqual(["goettingen/qt2", "wolfsburg/p1", "wolfsburg/p2", "wolfsburg/p3", "wolfsburg/p4", "wolfsburg/p5"]);
  });

  test("Sprache appears in all five concepts", () => {
    const docs = new Set(catalogue.elements.filter((e) => e.mapped && e.themes.includes("sprache")).map((e) => e.doc));
    expect([...docs].sort()).toEqual(["goettingen", "magdeburg", "region-hannover", "rotenburg", "wolfsburg"]);
  });
});

describe.runIf(DOCUMENTS.every((d) => existsSync(seedPath(d))))("complete against the documents", () => {
  test("Wolfsburg: 191 indicator bullets in the tables = 188 indicators + 3 printed twice for the same goal (lines 693, 758)", () => {
    const lines = seedLines(DOCUMENTS[1]);
    const bullets = new Map<number, number>();
    let inTable = false;
    lines.forEach((line, i) => {
      if (line.startsWith("Integrationsziele\tRelevante Indikatoren")) inTable = true;
      else if (inTable && !line.includes("\t")) inTable = false;
      else if (inTable) bullets.set(i + 1, (line.split("\t")[1].match(/•/g) ?? []).length);
    });
    const total = [...bullets.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(191);
    const transcribed = new Map<number, number>();
    for (const i of of("wolfsburg", "indikator")) transcribed.set(i.line_start, (transcribed.get(i.line_start) ?? 0) + 1);
    const missing = [...bullets].filter(([line, n]) => (transcribed.get(line) ?? 0) !== n);
    expect(missing).toEqual([[693, 1], [758, 2]]);
    for (const [line] of missing) expect(of("wolfsburg", "indikator").some((i) => i.note?.includes(`Repeated for the same goal: line ${line}`))).toBe(true);
  });

  test("Göttingen: 124 measure blocks, each with Zuständigkeit, Umsetzungszeitraum and a Kennzahl (61), Indikator (61) or Kennzahl/Indikator (2) line", () => {
    const lines = seedLines(DOCUMENTS[0]);
    const starts = (label: RegExp) => lines.filter((l) => label.test(l)).length;
    expect(starts(/^<b>Maßnahme \d+<\/b>/)).toBe(124);
    expect(starts(/^<b>Zuständigkeit<\/b>/)).toBe(124);
    expect(starts(/^<b>Umsetzungszeitraum<\/b>/)).toBe(124);
    expect([starts(/^<b>Kennzahl<\/b>/), starts(/^<b>Indikator(\/Anzahl)?<\/b>/), starts(/^<b>Kennzahl\/Indikator<\/b>/)]).toEqual([61, 61, 2]);
    expect(of("goettingen", "massnahme").filter((m) => m.indicator_text)).toHaveLength(124);
  });
});
