/**
 * The CSP check of test/support/csp.ts (used on every built page by
 * test/e2e/csp.test.ts) must be able to fail: it passes the policy
 * scripts/postprocess.ts writes and flags every way a page could be opened
 * to another origin or to injected script.
 */
import {describe, expect, test} from "vitest";
import {contentSecurityPolicy} from "../../../scripts/postprocess.ts";
import {cspProblems, parsePolicy} from "../../support/csp.ts";

const HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
const page = (policy: string | null, head = "") =>
  `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n${policy === null ? "" : `<meta http-equiv="Content-Security-Policy" content="${policy}">\n`}${head}<script type="module">x()</script>\n</head><body></body></html>`;
const real = contentSecurityPolicy([HASH]);

describe("cspProblems", () => {
  test("the policy postprocess writes passes: only 'self', hashes, and data:/blob: for images and workers", () => {
    expect(cspProblems(page(real))).toEqual([]);
    const directives = parsePolicy(real);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", `'sha256-${HASH}'`]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
  });

  test.each([
    ["no policy at all", page(null), "no Content-Security-Policy <meta>"],
    ["a policy after the first script", page(null).replace("</head>", `<meta http-equiv="Content-Security-Policy" content="${real}">\n</head>`), "<script> before the policy"],
    ["a CDN in script-src", page(real.replace("script-src 'self'", "script-src 'self' https://cdn.jsdelivr.net")), "script-src allows https://cdn.jsdelivr.net"],
    ["any host", page(real.replace("connect-src 'self'", "connect-src *")), "connect-src allows *"],
    ["inline scripts", page(real.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")), "script-src allows 'unsafe-inline'"],
    ["eval", page(real.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")), "script-src allows 'unsafe-eval'"],
    ["https: images", page(real.replace("img-src 'self' data: blob:", "img-src 'self' https:")), "img-src allows https:"],
    ["no default-src", page(real.replace("default-src 'self'; ", "")), "no default-src"],
    ["plugins allowed", page(real.replace("object-src 'none'", "object-src 'self'")), "object-src allows 'self'"],
    ["a second, looser policy", page(real, `<meta http-equiv="Content-Security-Policy" content="default-src *">\n`), "more than one policy <meta>"]
  ])("flags %s", (_name, html, problem) => {
    expect(cspProblems(html)).toContain(problem);
  });
});
