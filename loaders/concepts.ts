/**
 * The structure of the five concepts (data/concepts/<slug>.csv): goals,
 * fields, measures, indicators and cards as one tree per document, each
 * element with its citation (seed line range). Schema: data/README.md.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parseCsv} from "./csv.ts";
import type {ConceptDocument} from "./documents.ts";
import {projectRoot} from "./paths.ts";

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

export function readConcept(doc: ConceptDocument): ConceptElement[] {
  const file = `data/concepts/${doc.slug}.csv`;
  if (!existsSync(conceptPath(doc))) return [];
  const {rows} = parseCsv(readFileSync(conceptPath(doc), "utf8"), {sourceId: "data/concepts", file, required: [...CONCEPT_COLUMNS]});
  return rows.map(({values}) => values as ConceptElement);
}

export function readStatedCounts(doc: ConceptDocument): StatedCount[] {
  const file = `data/concepts/${doc.slug}-stated-counts.csv`;
  const path = join(projectRoot, file);
  if (!existsSync(path)) return [];
  const {rows} = parseCsv(readFileSync(path, "utf8"), {sourceId: "data/concepts", file, required: ["doc_id", "level", "stated_count", "line", "quote", "scope", "comparable", "note"]});
  return rows.map(({values: v}) => ({
    doc_id: v.doc_id,
    level: v.level,
    stated_count: Number(v.stated_count),
    line: Number(v.line),
    quote: v.quote,
    scope: v.scope,
    comparable: v.comparable === "yes",
    note: v.note
  }));
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

