/**
 * A concept catalogue as an indented list: each element with its level, its
 * wording, what the document says about it (target group, responsibility,
 * time frame, Kennzahl) and its citation (seed lines). Matches in full,
 * ancestors shown for context only. Text from the documents goes in as text.
 */
import {citation, heading, type TreeRow} from "./concept-filter.js";

export interface ConceptTreeOptions {
  levelLabel: (level: string) => string;
  /** The document's short name, shown with the citation. */
  docLabel: (slug: string) => string;
  /** Largest number of matching rows drawn; the rest is counted, not drawn. */
  limit?: number;
  document?: Document;
}

export function conceptTree(rows: TreeRow[], options: ConceptTreeOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const list = el("ul", "concept-tree");
  const limit = options.limit ?? Infinity;
  let drawn = 0;
  for (const {element: e, match} of rows) {
    if (match && drawn >= limit) break;
    if (match) drawn++;
    const item = el("li", `concept-row concept-depth-${Math.min(e.depth, 5)}${match ? "" : " concept-context"}`);
    item.dataset.match = String(match);
    item.dataset.id = `${e.doc}/${e.id}`;
    const head = el("div", "concept-head");
    head.append(el("span", `concept-level concept-level-${e.level}`, options.levelLabel(e.level)), el("span", "concept-heading", heading(e, match ? 400 : 120)));
    item.append(head);
    if (match) {
      if (e.title && e.text) item.append(el("p", "concept-text", e.text));
      const facts: [string, string | undefined][] = [
        ["Zielgruppe", e.target_group],
        ["Zuständigkeit", e.actors],
        ["Umsetzungszeitraum", e.time_frame],
        ["Kennzahl", e.indicator_text],
        ["Sozialraumbezug", e.social_space]
      ];
      const shown = facts.filter(([, v]) => v);
      if (shown.length) {
        const dl = el("dl", "concept-facts");
        for (const [term, value] of shown) dl.append(el("dt", undefined, term), el("dd", undefined, value));
        item.append(dl);
      }
    }
    // A citation into the seed text, not a link: the documents are not hosted here.
    item.append(el("span", "concept-cite", `${options.docLabel(e.doc)}, ${citation(e)}`));
    list.append(item);
  }
  return list;
}
