/**
 * Issue 18: a KISS-MD cell that is „.“ in the original xlsx is `suppressed`,
 * one that is empty there stays `missing`. The JSON writes both as null; the
 * xlsx beside it (data/kiss-md/xlsx/bevoelkerung/, pinned and hash-verified
 * like every file) tells them apart. Real cells of
 *   SmartCityMagdeburg2026/Datasources/477945707257cd1023fc16f4c50dbe0b6b4fd75d/data/kiss-md/
 */
import JSZip from "jszip";
import {describe, expect, test} from "vitest";
import {KISSMD_SOURCE, KISSMD_TABLES, kissMdFacts, kissMdOriginal, parseKissMdTable, xlsxFileOf} from "../../loaders/parse/kissmd.ts";
import {readXlsxCells} from "../../loaders/parse/xlsx.ts";
import {localCopy, readSourceText} from "../../loaders/source/fetch.ts";
import {source, sourceFile} from "../../loaders/source/sources.ts";

const spec = (tableId: string) => KISSMD_TABLES.find((t) => t.tableId === tableId)!;
const available = KISSMD_TABLES.every((t) => localCopy(source(KISSMD_SOURCE), xlsxFileOf(t)) && localCopy(source(KISSMD_SOURCE), `data/kiss-md/json/bevoelkerung/${t.file}`));

describe.runIf(available)("KISS-MD: suppressed or missing, as the original xlsx says (real files)", () => {
  test("every table the atlas reads has its original pinned with a SHA-256", () => {
    for (const t of KISSMD_TABLES) expect(sourceFile(KISSMD_SOURCE, xlsxFileOf(t)).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("K3_T41 Industriehafen 2010 is „.“ in the xlsx (row 36, C36) and becomes suppressed, null, never 0", async () => {
    const t = spec("K3_T41");
    const original = await kissMdOriginal(t);
    expect(original.cells.get(36)?.get(3)).toBe(".");
    const text = await readSourceText(KISSMD_SOURCE, `data/kiss-md/json/bevoelkerung/${t.file}`);
    // The JSON alone cannot tell: its row 35 has null, read as missing.
    const jsonOnly = parseKissMdTable(text, t).find((f) => f.source_ref.endsWith("row 35 (K3_T41 var3)"))!;
    expect(jsonOnly).toMatchObject({area_name: "Industriehafen", year: 2010, value: null, flag: "missing"});
    const withOriginal = parseKissMdTable(text, t, original).find((f) => f.source_ref.endsWith("row 35 (K3_T41 var3)"))!;
    expect(withOriginal).toMatchObject({area_id: "15003000-st68", area_name: "Industriehafen", year: 2010, indicator: "md:auslaender", value: null, flag: "suppressed"});
  });

  test("K3_T36 Sülzegrund 2024 Billeter-Maß is empty in the xlsx (G128) and stays missing; 2023 „ .       “ (G89) is suppressed", async () => {
    const facts = await kissMdFacts();
    const billeter = (year: number) => facts.find((f) => f.indicator === "md:billeter" && f.area_name === "Sülzegrund" && f.year === year)!;
    expect(billeter(2024)).toMatchObject({value: null, flag: "missing", source_ref: expect.stringContaining("row 127 (K3_T36 var7)")});
    expect(billeter(2025)).toMatchObject({value: null, flag: "missing"});
    expect(billeter(2023)).toMatchObject({value: null, flag: "suppressed", source_ref: expect.stringContaining("row 88 (K3_T36 var7)")});
  });

  test("rows in = facts out: every JSON row of the eight tables gives one fact per column; 354 „.“ cells suppressed, 2 empty cells missing", async () => {
    const facts = await kissMdFacts();
    let expected = 0;
    for (const t of KISSMD_TABLES) {
      const json = JSON.parse(await readSourceText(KISSMD_SOURCE, `data/kiss-md/json/bevoelkerung/${t.file}`));
      expected += json.rows.length * Object.keys(t.columns).length;
    }
    expect(facts.length).toBe(expected);
    expect(facts.filter((f) => f.flag === "suppressed").length).toBe(354);
    expect(facts.filter((f) => f.flag === "missing").map((f) => `${f.area_name} ${f.year} ${f.indicator}`)).toEqual(["Sülzegrund 2024 md:billeter", "Sülzegrund 2025 md:billeter"]);
    expect(facts.filter((f) => f.value === null && f.flag === null)).toEqual([]);
  });
});

/** A one-sheet xlsx with the given rows (shared strings for text, as KISS-MD writes them). */
async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const strings: string[] = [];
  const letters = (n: number) => String.fromCharCode(65 + n);
  const body = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => {
      const ref = `${letters(c)}${r + 1}`;
      if (v === null) return `<c r="${ref}"/>`;
      if (typeof v === "number") return `<c r="${ref}" t="n"><v>${v}</v></c>`;
      strings.push(v);
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    }).join("")}</row>`)
    .join("");
  const zip = new JSZip();
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData></worksheet>`);
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0"?><sst>${strings.map((s) => `<si><t xml:space="preserve">${s.replace(/&/g, "&amp;")}</t></si>`).join("")}</sst>`);
  return zip.generateAsync({type: "uint8array"});
}

describe("KISS-MD: the original xlsx must line up with the JSON", () => {
  const t41 = spec("K3_T41");
  const json = (rows: object[]) => JSON.stringify({tableId: "K3_T41", title: "t", columns: ["var1", "var2", "var3"].map((key) => ({key, label: null})), rows});
  const header = ["K3_T41_var1", "K3_T41_var2", "K3_T41_var3", "tabelle"];
  const file = "data/kiss-md/xlsx/bevoelkerung/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.xlsx";

  test("„.“ is suppressed, an empty cell missing, a value stays a value", async () => {
    const cells = await readXlsxCells(await xlsx([header, [2024, "01", 4013, "K3_T41"], [2024, "42", null, "K3_T41"], [2024, "74", " .   ", "K3_T41"]]));
    const facts = parseKissMdTable(json([{var1: 2024, var2: "01", var3: 4013}, {var1: 2024, var2: "42", var3: null}, {var1: 2024, var2: "74", var3: null}]), t41, {cells, file});
    expect(facts.map((f) => [f.area_name, f.value, f.flag])).toEqual([
      ["Altstadt", 4013, null],
      ["Beyendorfer Grund", null, "missing"],
      ["Pechau", null, "suppressed"]
    ]);
  });

  test("a row of the xlsx that belongs to another Stadtteil, a row too few, a value where the JSON has none: refused", async () => {
    const rows = [{var1: 2024, var2: "01", var3: 4013}, {var1: 2024, var2: "42", var3: null}];
    const other = await readXlsxCells(await xlsx([header, [2024, "01", 4013, "K3_T41"], [2024, "44", ".", "K3_T41"]]));
    expect(() => parseKissMdTable(json(rows), t41, {cells: other, file})).toThrow(/row 3: var2 is "44", JSON row 2 has "42"/);
    const short = await readXlsxCells(await xlsx([header, [2024, "01", 4013, "K3_T41"]]));
    expect(() => parseKissMdTable(json(rows), t41, {cells: short, file})).toThrow(/1 data rows, the JSON has 2/);
    const valued = await readXlsxCells(await xlsx([header, [2024, "01", 4013, "K3_T41"], [2024, "42", 12, "K3_T41"]]));
    expect(() => parseKissMdTable(json(rows), t41, {cells: valued, file})).toThrow(/row 3, var3: "12" where the JSON has no value/);
  });
});
