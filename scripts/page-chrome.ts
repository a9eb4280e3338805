/**
 * The atlas's additions to every page's <head> and its footer line, written
 * into the built pages by postprocess instead of by Framework: Framework
 * parses a configured head, header and footer with jsdom three times per page
 * (about 45 s of an 800-page build on 2 cores, found by profiling). The
 * result is the same HTML Framework wrote (test/unit/page-chrome.test.ts).
 */
import {posix} from "node:path";

export const HEAD = `<meta name="description" content="Integrationsatlas: Statistik zu Bevölkerung, Einbürgerungen und Geflüchteten für Göttingen, Wolfsburg, Region Hannover, Landkreis Rotenburg (Wümme) und Magdeburg">
<link rel="icon" href="data:,">`;

/** Root-relative links ("/quellen"), made relative to each page as Framework does. */
export const FOOTER = `Integrationsatlas · Daten: Integrationsmonitoring Niedersachsen (LSN), Landeshauptstadt Magdeburg (KISS-MD), Statistisches Bundesamt, GeoBasis-DE / BKG, © OpenStreetMap-Mitwirkende · <a href="/quellen">Quellen und Lizenzen</a>`;

/** A root-relative path as seen from page `page` ("/orte/index" → "../quellen"), Framework's spelling. */
export function relativeTo(page: string, target: string): string {
  const path = posix.relative(posix.dirname(page), target);
  return path.startsWith(".") ? path : `./${path}`;
}

/** The page path of a built file: "kreise/01001.html" → "/kreise/01001". */
export function pagePathOf(file: string): string {
  return `/${file.split(/[\\/]/).join("/").replace(/\.html$/, "")}`;
}

/**
 * Head and footer into one page as Framework would have written them. Pages
 * without Framework's sidebar are the embed pages (front matter `sidebar`,
 * `header` and `footer` false): they get the head only.
 */
export function withChrome(html: string, page: string): string {
  // Framework writes the configured head right before the page's first module script.
  const script = html.indexOf("\n<script type=\"module\">");
  if (script < 0 || html.indexOf("</head>") < script) throw new Error(`${page}: no module script in <head> to place the head before`);
  let out = `${html.slice(0, script)}\n${HEAD}${html.slice(script)}`;
  if (!out.includes('<nav id="observablehq-sidebar"')) return out;
  const line = `\n<div>${FOOTER.replace(/href="(\/[^"]*)"/g, (_, target: string) => `href="${relativeTo(page, target)}"`)}</div>`;
  const open = out.indexOf('<footer id="observablehq-footer">');
  if (open >= 0) {
    const close = out.indexOf("\n</footer>", open);
    out = `${out.slice(0, close)}${line}${out.slice(close)}`;
  } else {
    const main = out.indexOf("</main>");
    if (main < 0) throw new Error(`${page}: no </main> to place the footer after`);
    out = `${out.slice(0, main + 7)}\n<footer id="observablehq-footer">${line}\n</footer>${out.slice(main + 7)}`;
  }
  return out;
}
