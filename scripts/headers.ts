/**
 * The response headers the atlas asks of any server that delivers dist/:
 * the rules live here once, and both the Node server (scripts/server.ts) and
 * the nginx map generated at build time (scripts/nginx.ts) follow them.
 *
 * - Content-Security-Policy on HTML pages: the page's own <meta> policy
 *   (written by postprocess.ts, with that page's script hashes) plus
 *   frame-ancestors, which a <meta> policy cannot carry;
 * - frame-ancestors 'none' on ordinary pages; embed pages, static figures and
 *   the chart module are meant to be framed by other sites (configurable);
 * - nosniff and a Referrer-Policy on every response;
 * - immutable caching for Framework's content-hashed files, revalidation for
 *   everything else (HTML and the stable URLs keep their names across builds).
 */

/** Paths meant to be shown inside other sites' pages. */
export const FRAMEABLE = /^\/(?:einbetten|abbildungen|modul)\//;

/** Framework names these files by their content hash (…/name.0123abcd.js); nothing else under these folders. */
export const CONTENT_HASHED = /^\/_(?:observablehq|npm|file|import)\/.*\.[0-9a-f]{8}\.[a-z0-9]+$/;

/** Who may frame the embed pages: every site, unless ATLAS_FRAME_ANCESTORS names a list (e.g. "https://www.magdeburg.de"). */
export const DEFAULT_FRAME_ANCESTORS = "*";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Links to the statistics offices need not tell them which page was read.
  "Referrer-Policy": "same-origin"
};

export function frameAncestors(urlPath: string, embedAncestors = DEFAULT_FRAME_ANCESTORS): string {
  return FRAMEABLE.test(urlPath) ? embedAncestors : "'none'";
}

export function cacheControl(urlPath: string): string {
  return CONTENT_HASHED.test(urlPath) ? IMMUTABLE : REVALIDATE;
}

/** The policy of the page's <meta http-equiv="Content-Security-Policy">, or null. */
export function metaPolicy(html: string): string | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return m ? m[1].replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&") : null;
}

/** The header value: the page's own policy plus frame-ancestors. */
export function pagePolicy(meta: string | null, ancestors: string): string {
  return [meta?.replace(/;\s*$/, ""), `frame-ancestors ${ancestors}`].filter(Boolean).join("; ");
}
