/**
 * Filtering the five concept catalogues (src/data/concepts.json): by
 * document, Handlungsfeld, level, time frame, actor, theme and full text;
 * and the tree around the matches (their ancestors, for context).
 */

// One element of src/data/concepts.json: the loader's own type (type-only, nothing of the loader reaches the browser).
import type {CatalogueElement as ConceptElement} from "../loaders/model/concept-catalogue.ts";
export type {ConceptElement};

export interface ConceptFilter {
  /** Document slug; "" = all five. */
  doc?: string;
  /** Handlungsfeld id within `doc`; "" = all. */
  field?: string;
  level?: string;
  /** Time frame class (timeFrameKey); "" = any, "none" = elements without one. */
  time?: string;
  /** Part of an actor's name, case-insensitive. */
  actor?: string;
  theme?: string;
  /** Words that must all occur in the element's wording (title, text, number, actors, target group, Kennzahl). */
  query?: string;
}

/** Lower case, one space, no soft hyphens: what full-text search compares. */
export function normalise(text: string): string {
  return text.normalize("NFC").replace(/\u00ad/g, "").replace(/\s+/g, " ").trim().toLocaleLowerCase("de-DE");
}

export function searchText(e: ConceptElement): string {
  return normalise([e.number, e.title, e.text, e.actors, e.target_group, e.indicator_text, e.time_frame].filter(Boolean).join(" "));
}

export function matches(e: ConceptElement, f: ConceptFilter): boolean {
  if (f.doc && e.doc !== f.doc) return false;
  if (f.field && e.field !== f.field) return false;
  if (f.level && e.level !== f.level) return false;
  if (f.time === "none" ? Boolean(e.time_key) : f.time && e.time_key !== f.time) return false;
  if (f.actor && !normalise(e.actors ?? "").includes(normalise(f.actor))) return false;
  if (f.theme && !e.themes.includes(f.theme)) return false;
  if (f.query) {
    const haystack = searchText(e);
    if (!normalise(f.query).split(" ").every((word) => haystack.includes(word))) return false;
  }
  return true;
}

export function filterElements(elements: ConceptElement[], f: ConceptFilter): ConceptElement[] {
  return elements.filter((e) => matches(e, f));
}

export interface TreeRow {
  element: ConceptElement;
  /** False for an ancestor shown only for context. */
  match: boolean;
}

/** The matches in document order, each preceded by the ancestors not already shown. */
export function treeRows(elements: ConceptElement[], matched: ConceptElement[]): TreeRow[] {
  const byKey = new Map(elements.map((e) => [`${e.doc}/${e.id}`, e]));
  const hit = new Set(matched.map((e) => `${e.doc}/${e.id}`));
  const shown = new Set<string>();
  const rows: TreeRow[] = [];
  for (const e of matched) {
    const chain: ConceptElement[] = [];
    for (let at = e.parent ? byKey.get(`${e.doc}/${e.parent}`) : undefined; at; at = at.parent ? byKey.get(`${at.doc}/${at.parent}`) : undefined) chain.unshift(at);
    for (const a of chain) {
      const k = `${a.doc}/${a.id}`;
      if (!shown.has(k)) {
        shown.add(k);
        rows.push({element: a, match: hit.has(k)});
      }
    }
    const k = `${e.doc}/${e.id}`;
    if (!shown.has(k)) {
      shown.add(k);
      rows.push({element: e, match: true});
    }
  }
  return rows;
}

/** "Z. 586–591" (seed line numbers; en dash, German abbreviation). */
export function citation(e: Pick<ConceptElement, "line_start" | "line_end">): string {
  return e.line_start === e.line_end ? `Z. ${e.line_start}` : `Z. ${e.line_start}–${e.line_end}`;
}

/** The element's heading: number and title, or the start of its text. */
export function heading(e: ConceptElement, max = 160): string {
  const words = e.title || e.text || "";
  const short = words.length > max ? `${words.slice(0, max - 1).trimEnd()}…` : words;
  return [e.number, short].filter(Boolean).join(" ");
}

/** Short names of the five places, for axes, badges and citations. */
export const DOC_SHORT: Record<string, string> = {
  goettingen: "Göttingen",
  wolfsburg: "Wolfsburg",
  "region-hannover": "Region Hannover",
  rotenburg: "Rotenburg (Wümme)",
  magdeburg: "Magdeburg"
};
