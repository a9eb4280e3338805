/** Real files of the built site (dist/) that the serving tests and the serving benchmark ask for. */
import {readdirSync, statSync} from "node:fs";
import {dirname, join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {CONTENT_HASHED} from "../../scripts/headers.ts";

export const dist = join(dirname(fileURLToPath(import.meta.url)), "../../dist");

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield "/" + relative(dist, path).split(sep).join("/");
  }
}

export function landmarks() {
  const all = [...files(dist)];
  const pick = (what: string, test: (p: string) => boolean) => {
    const hit = all.find(test);
    if (!hit) throw new Error(`dist/ has no ${what}`);
    return hit;
  };
  return {
    wasm: pick("duckdb-eh.wasm", (p) => p.endsWith("/duckdb-eh.wasm")),
    arrow: pick("Arrow file", (p) => p.startsWith("/_file/") && p.endsWith(".arrow")),
    hashedScript: pick("content-hashed script", (p) => p.startsWith("/_observablehq/") && p.endsWith(".js") && CONTENT_HASHED.test(p)),
    embed: pick("embed page", (p) => p.startsWith("/einbetten/") && p.endsWith(".html")).replace(/\.html$/, ""),
    figure: pick("static figure", (p) => p.startsWith("/abbildungen/") && p.endsWith(".svg")),
    module: pick("chart module", (p) => p.startsWith("/modul/") && p.endsWith(".js"))
  };
}

