/**
 * Every page of the built atlas (dist/) carries a Content-Security-Policy
 * that allows only the site's own origin, before anything it governs. The
 * check itself is shown to fail on pages without or with a looser policy in
 * test/unit/robustness/csp.test.ts and on the fixture in injection.test.ts;
 * that the browser reports no violation on the real pages is pages.test.ts
 * (checkPage), and that it would report one is injection.test.ts.
 */
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {expect, test} from "vitest";
import {cspProblems, metaPolicy, parsePolicy} from "../support/csp.ts";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../../dist");

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (entry.endsWith(".html")) yield path;
  }
}

if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is not built: run npm run build (npm run test:e2e does)");
const pages = [...htmlFiles(dist)].map((path) => relative(dist, path)).sort();

test("the site has pages, each with exactly one policy", () => {
  expect(pages).toContain("index.html");
  expect(pages.length).toBeGreaterThanOrEqual(5);
});

test.each(pages)("%s: a policy that allows only 'self'", (page) => {
  const html = readFileSync(join(dist, page), "utf8");
  expect(cspProblems(html)).toEqual([]);
  const directives = parsePolicy(metaPolicy(html)!.policy);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("connect-src")).toEqual(["'self'"]);
  // Every inline script of the page is hashed, none runs without.
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].length;
  expect(directives.get("script-src")!.filter((s) => s.startsWith("'sha256-"))).toHaveLength(inline);
});
