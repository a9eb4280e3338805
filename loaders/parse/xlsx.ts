/**
 * Reads the one worksheet of an xlsx file as text cells. An xlsx is a zip
 * of XML parts: jszip (the zip library Observable Framework already brings)
 * opens it, and the two parts that hold cells – the sheet and its shared
 * strings – are read here. Nothing is converted: a cell is the text it
 * holds (a number as written, „.“ as „.“), an empty or absent cell is null,
 * so that a caller can tell a suppressed cell from an empty one.
 */
import JSZip from "jszip";

/** Cells by row number and column number, both counted from 1 as in the sheet ("B3" = row 3, column 2). */
export type SheetCells = Map<number, Map<number, string>>;

const ENTITIES: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'"};

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]
  );
}

/** The text of a string item: its <t> runs joined; phonetic hints (<rPh>) are not part of the text. */
function stringItemText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((m) => unescapeXml(m[1] ?? "")).join("");
}

/** "AB12" → {row: 12, column: 28}. */
export function cellPosition(ref: string): {row: number; column: number} {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!match) throw new Error(`cell reference ${JSON.stringify(ref)} is not of the form A1`);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return {row: Number(match[2]), column};
}

const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/** The cells of the workbook's only worksheet; a workbook with several sheets is refused (which one was meant?). */
export async function readXlsxCells(bytes: Uint8Array): Promise<SheetCells> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  if (sheets.length !== 1) throw new Error(`expected one worksheet, found ${sheets.length} (${sheets.join(", ") || "none"})`);
  const sharedXml = await zip.file("xl/sharedStrings.xml")?.async("string");
  const shared = sharedXml ? [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => stringItemText(m[1])) : [];
  const sheetXml = await zip.file(sheets[0])!.async("string");
  const cells: SheetCells = new Map();
  for (const match of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, attributes, content = ""] = match;
    const ref = attribute(attributes, "r");
    if (!ref) throw new Error("a cell without its reference (r=…): positions would be guessed");
    const type = attribute(attributes, "t");
    let text: string | undefined;
    if (type === "inlineStr") {
      text = stringItemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(content)?.[1] ?? "");
    } else {
      const value = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(content)?.[1];
      if (value !== undefined) {
        if (type === "s") {
          const index = Number(value);
          if (!Number.isInteger(index) || index < 0 || index >= shared.length) throw new Error(`cell ${ref}: shared string ${value} does not exist (${shared.length} strings)`);
          text = shared[index];
        } else {
          text = unescapeXml(value);
        }
      }
    }
    if (text === undefined || text === "") continue;
    const {row, column} = cellPosition(ref);
    if (!cells.has(row)) cells.set(row, new Map());
    cells.get(row)!.set(column, text);
  }
  return cells;
}
