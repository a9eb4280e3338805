import {expect, test} from "vitest";
// @ts-expect-error Framework ships no types for its internals.
import {createMarkdownIt} from "@observablehq/framework/dist/markdown.js";
import {headingIds} from "../../scripts/heading-ids.ts";

const render = (md: {render(s: string, env: unknown): string}, text: string) => md.render(text, {code: [], startLine: 0, currentLine: 0, path: "/test"});

test("the ids are exactly Framework's own: umlauts, ß, repeats, code, punctuation", () => {
  const text = [
    "# Göttingen (Landkreis) – Kurzprofil",
    "## Kennzahlen",
    "## Einbürgerungen je 1.000 Ausländerinnen und Ausländer",
    "## Kennzahlen",
    "### Kennzahlen",
    "## `q_asyl_bev`: Empfänger nach AsylbLG",
    "## Straße & Größe (2015–2020)",
    "## Kennzahlen-1",
    "Text.",
    "## ÄÖÜ äöü"
  ].join("\n\n");
  const framework = render(createMarkdownIt({typographer: true, quotes: "„“‚‘"}), text);
  const ours = render(createMarkdownIt({typographer: true, quotes: "„“‚‘", markdownIt: headingIds}), text);
  expect(ours).toBe(framework);
  // The repeats are numbered as the anchor plugin numbers them.
  expect(ours).toContain('id="kennzahlen-1"');
  expect(ours).toContain('id="kennzahlen-2"');
  expect(ours).toContain('id="kennzahlen-1-1"');
});

test("remembered by text across pages, still unique within each", () => {
  const md = createMarkdownIt({markdownIt: headingIds});
  const a = render(md, "## Kennzahlen\n\n## Kennzahlen");
  const b = render(md, "## Kennzahlen");
  expect(a).toContain('id="kennzahlen-1"');
  expect(b).toContain('id="kennzahlen"');
  expect(b).not.toContain("kennzahlen-1");
});
