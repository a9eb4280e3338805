/**
 * Post-processing of the built site (dist/):
 * - the atlas's head additions and footer line (scripts/page-chrome.ts);
 * - `<html lang="de">` on every page (Framework writes no lang attribute);
 * - a Content-Security-Policy that allows only the site's own origin, with
 *   the hashes of Framework's inline module scripts;
 * - gzip and brotli copies beside every compressible file, so the site can
 *   be served precompressed;
 * - a refusal of anything that would load from another host.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {extname, join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {englishLeft, germanChrome} from "./german-chrome.ts";
import {duckdbPreloads, inlineFirstPaint, scriptsAfterContent} from "./firstpaint.ts";
import {precompress} from "./precompress.ts";
import {pagePathOf, withChrome} from "./page-chrome.ts";

/** Compressed copies by content (scripts/precompress.ts); the benchmark's cold build removes it. */
export const COMPRESS_CACHE = join(fileURLToPath(new URL("..", import.meta.url)), ".cache", "compressed");

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * htl (behind Inputs) parses `oninput=${fn}` by writing a placeholder
 * attribute `oninput="::N"` and swapping in the function right after; Chrome
 * checks the placeholder against the CSP. Allow exactly those placeholders
 * (not valid JavaScript, so nothing can run) and no other inline handler.
 */
const HTL_PLACEHOLDERS = Array.from({length: 64}, (_, j) => createHash("sha256").update(`::${j}`, "utf8").digest("base64"));

/** The policy for a page whose inline scripts have these hashes. */
export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    // DuckDB-WASM compiles WebAssembly; its worker starts from a blob: URL.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(" ")}`.trim(),
    `script-src-attr 'unsafe-hashes' ${HTL_PLACEHOLDERS.map((h) => `'sha256-${h}'`).join(" ")}`,
    "worker-src 'self' blob:",
    // Plot and Framework set style attributes and <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

/** References that make a browser load from another host. */
const THIRD_PARTY_LOAD = [
  /<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"' >]+/gi,
  /<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|modulepreload|preload|prefetch|icon|preconnect|dns-prefetch))[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"' >]+/gi,
  /\bimport\s*(?:\(\s*)?["'](?:https?:)?\/\/[^"']+["']/g,
  /\bfrom\s*["'](?:https?:)?\/\/[^"']+["']/g,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^"')]+/g
];

export function thirdPartyLoads(text: string): string[] {
  return THIRD_PARTY_LOAD.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0].slice(0, 160)));
}

/**
 * Internal links of every built page that lead nowhere. Framework's own
 * check counts a link with a query string (/karten/x?jahr=2020) as broken
 * and only warns; here the query and hash are dropped and a missing target
 * fails the build. Links written by scripts at run time are not seen.
 */
export function brokenLinks(dist: string): string[] {
  const broken: string[] = [];
  for (const file of walk(dist)) {
    if (extname(file) !== ".html") continue;
    const page = "/" + relative(dist, file).split(sep).join("/");
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)) {
      const href = m[1].replaceAll("&amp;", "&");
      // A `${…}` in the href is a template in a page's script (html`<a href="../kreise/${id}">`), not a link of the HTML.
      if (!href || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//") || href.includes("${")) continue;
      const {pathname} = new URL(href, `http://atlas.invalid${page}`);
      const path = decodeURIComponent(pathname).replace(/^\//, "");
      const candidates = path === "" || path.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`, join(path, "index.html")];
      if (!candidates.some((c) => existsSync(join(dist, c)) && statSync(join(dist, c)).isFile())) broken.push(`${page}: ${href}`);
    }
  }
  return broken;
}

export interface PostprocessReport {
  pages: number;
  compressed: number;
  /** Of those, copied from the compression cache (unchanged since an earlier build). */
  cached: number;
}

export async function postprocess(dist: string, {allowThirdParty = false, chrome = false} = {}): Promise<PostprocessReport> {
  const problems: string[] = [];
  const english: string[] = [];
  let pages = 0;
  const all = [...walk(dist)];
  for (const file of all) {
    const ext = extname(file);
    if (ext !== ".html" && ext !== ".js" && ext !== ".css") continue;
    let text = readFileSync(file, "utf8");
    // The atlas's head additions and footer, as Framework would have written them (built without them: scripts/page-chrome.ts).
    if (chrome && ext === ".html") text = withChrome(text, pagePathOf(relative(dist, file)));
    for (const hit of thirdPartyLoads(text)) problems.push(`${relative(dist, file)}: ${hit}`);
    // German chrome and first paint (issue 13): before the CSP hashes, which cover the inline scripts these add.
    // Only Framework's own files (pages, stylesheets with its layout.css, /_observablehq/): vendored libraries keep their text.
    const own = ext === ".html" || ext === ".css" || relative(dist, file).startsWith("_observablehq");
    const german = own ? germanChrome(text) : text;
    if (own) for (const left of englishLeft(german)) english.push(`${relative(dist, file)}: ${left}`);
    if (ext !== ".html") {
      if (german !== text) writeFileSync(file, german);
      continue;
    }
    pages++;
    text = german;
    const painted = inlineFirstPaint(text, dist);
    text = painted.charts.length || /npm:@duckdb|duckdb\.[0-9a-f]+\.js/.test(text) ? duckdbPreloads(painted.html, dist) : painted.html;
    text = scriptsAfterContent(text);
    text = text.replace(/<html(?![^>]*\blang=)([^>]*)>/i, '<html lang="de"$1>');
    const hashes = [...text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) =>
      createHash("sha256").update(m[1], "utf8").digest("base64")
    );
    const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}">`;
    text = text.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i, "");
    text = text.replace(/(<meta charset="utf-8">)/i, `$1\n${meta}`);
    writeFileSync(file, text);
  }
  if (english.length && !allowThirdParty) {
    throw new Error(`Framework's English interface text left after the German rewrite (scripts/german-chrome.ts):\n  ${english.join("\n  ")}`);
  }
  const broken = brokenLinks(dist);
  if (broken.length && !allowThirdParty) {
    throw new Error(`broken internal links (target not built):\n  ${broken.join("\n  ")}`);
  }
  if (problems.length && !allowThirdParty) {
    throw new Error(`the built site would load from other hosts:\n  ${problems.join("\n  ")}`);
  }
  const {compressed, cached} = await precompress(all, {cacheDir: COMPRESS_CACHE});
  return {pages, compressed, cached};
}
