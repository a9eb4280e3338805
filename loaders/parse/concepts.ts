/**
 * The structure of the five concepts (data/concepts/<slug>.csv): goals,
 * fields, measures, indicators and cards as one tree per document, each
 * element with its citation (seed line range). Schema: data/README.md.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {excerpt, parseCsv} from "./csv.ts";
import type {ConceptDocument} from "./documents.ts";
import {FormatError} from "../source/errors.ts";
import {projectRoot} from "../source/paths.ts";

export const CONCEPT_COLUMNS = [
  "doc_id", "id", "parent_id", "level", "number", "title", "text", "target_group", "actors", "time_frame",
  "indicator_text", "social_space", "line_start", "line_end", "note"
] as const;

export type ConceptElement = Record<(typeof CONCEPT_COLUMNS)[number], string> & {line_start: string; line_end: string};

export interface StatedCount {
  doc_id: string;
  level: string;
  stated_count: number;
  line: number;
  quote: string;
  /** The subtree the statement is about (element id); empty: the whole document. */
  scope: string;
  /** "no" where the statement counts something else, or contradicts the document (note says which). */
  comparable: boolean;
  note: string;
}

export function conceptPath(doc: ConceptDocument): string {
  return join(projectRoot, "data", "concepts", `${doc.slug}.csv`);
}

const SOURCE = "data/concepts";
const LINE = /^\s*\d+\s*$/;

/**
 * One concept's elements, one per CSV row. The citation (seed line range)
 * is required: a row without it is an error naming file:line, not an element.
 */
export function parseConcept(text: string, file: string): ConceptElement[] {
  const {rows} = parseCsv(text, {sourceId: SOURCE, file, required: [...CONCEPT_COLUMNS]});
  return rows.map(({line, values}) => {
    for (const column of ["line_start", "line_end"] as const) {
      if (!LINE.test(values[column])) throw new FormatError(SOURCE, `${file}:${line}`, `${column} ${excerpt(values[column])} is no line number`);
    }
    if (values.id.trim() === "") throw new FormatError(SOURCE, `${file}:${line}`, "element without id");
    return values as ConceptElement;
  });
}

export function readConcept(doc: ConceptDocument): ConceptElement[] {
  const file = `data/concepts/${doc.slug}.csv`;
  if (!existsSync(conceptPath(doc))) return [];
  return parseConcept(readFileSync(conceptPath(doc), "utf8"), file);
}

/** The counts a document states about itself („6 Handlungsfelder“), one per CSV row. */
export function parseStatedCounts(text: string, file: string): StatedCount[] {
  const {rows} = parseCsv(text, {sourceId: SOURCE, file, required: ["doc_id", "level", "stated_count", "line", "quote", "scope", "comparable", "note"]});
  return rows.map(({line, values: v}) => {
    // Number("") is 0: an empty count would read as „the document states 0“.
    for (const column of ["stated_count", "line"] as const) {
      if (!LINE.test(v[column])) throw new FormatError(SOURCE, `${file}:${line}`, `${column} ${excerpt(v[column])} is no whole number`);
    }
    if (v.comparable !== "yes" && v.comparable !== "no") throw new FormatError(SOURCE, `${file}:${line}`, `comparable ${excerpt(v.comparable)} is neither yes nor no`);
    return {
      doc_id: v.doc_id,
      level: v.level,
      stated_count: Number(v.stated_count),
      line: Number(v.line),
      quote: v.quote,
      scope: v.scope,
      comparable: v.comparable === "yes",
      note: v.note
    };
  });
}

export function readStatedCounts(doc: ConceptDocument): StatedCount[] {
  const file = `data/concepts/${doc.slug}-stated-counts.csv`;
  const path = join(projectRoot, file);
  if (!existsSync(path)) return [];
  return parseStatedCounts(readFileSync(path, "utf8"), file);
}

/** Elements of `levels` (a `+`-joined list) inside `scope` (an element id; empty = all). */
export function countElements(elements: ConceptElement[], levels: string, scope = ""): number {
  const wanted = new Set(levels.split("+"));
  const parent = new Map(elements.map((e) => [e.id, e.parent_id]));
  const inside = (id: string): boolean => {
    for (let at: string | undefined = id; at; at = parent.get(at)) if (at === scope) return true;
    return false;
  };
  return elements.filter((e) => wanted.has(e.level) && (!scope || inside(e.id))).length;
}

