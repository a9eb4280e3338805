import {expect, test} from "vitest";
import {FOOTER, HEAD, pagePathOf, relativeTo, withChrome} from "../../scripts/page-chrome.ts";

// Pages as Framework 1.13 writes them with no head and no footer configured (render.js), shortened.
const page = ({sidebar = true, pager = false} = {}) => `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Seite | Integrationsatlas</title>
<link rel="modulepreload" href="../_observablehq/client.js">
<script type="module">
import {define} from "../_observablehq/client.js";
</script>
</head>
<body>${sidebar ? `\n<nav id="observablehq-sidebar">…</nav>` : ""}
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
<h1>Seite</h1>
</main>${pager ? `\n<footer id="observablehq-footer">\n<nav><a rel="next" href="./b"><span>B</span></a></nav>\n</footer>` : ""}
</div>
</body>
</html>
`;

test("the head goes right before the page's module script, as Framework places a configured head", () => {
  const out = withChrome(page(), "/kreise/01001");
  expect(out).toContain(`<link rel="modulepreload" href="../_observablehq/client.js">\n${HEAD}\n<script type="module">`);
  expect(out.match(/name="description"/g)).toHaveLength(1);
});

test("the footer: after the pager when there is one, else a footer of its own; its link relative to the page", () => {
  const line = (href: string) => `\n<div>${FOOTER.replace('href="/quellen"', `href="${href}"`)}</div>`;
  expect(withChrome(page({pager: true}), "/karten/deutschland")).toContain(`<nav><a rel="next" href="./b"><span>B</span></a></nav>${line("../quellen")}\n</footer>`);
  expect(withChrome(page(), "/kreise/01001")).toContain(`</main>\n<footer id="observablehq-footer">${line("../quellen")}\n</footer>\n</div>`);
  expect(withChrome(page(), "/index")).toContain(line("./quellen"));
  expect(withChrome(page(), "/orte/index")).toContain(line("../quellen"));
  expect(withChrome(page(), "/einbetten/orte/wolfsburg-auslaenderanteil")).toContain(line("../../quellen"));
});

test("embed pages (no sidebar) get the head but no footer", () => {
  const out = withChrome(page({sidebar: false}), "/einbetten/deutschland-kreise");
  expect(out).toContain(HEAD);
  expect(out).not.toContain("observablehq-footer");
});

test("paths: file to page, and Framework's relative spelling", () => {
  expect(pagePathOf("kreise/01001.html")).toBe("/kreise/01001");
  expect(pagePathOf("orte\\index.html")).toBe("/orte/index");
  expect(relativeTo("/quellen", "/quellen")).toBe("./quellen");
  expect(relativeTo("/a/b/c", "/quellen")).toBe("../../quellen");
});

test("a page not written by Framework is refused with its path, not patched somewhere", () => {
  expect(() => withChrome("<html><head></head><body></body></html>", "/kaputt")).toThrow(/\/kaputt: no module script/);
  expect(() => withChrome(page().replace("</main>", ""), "/ohne-main")).toThrow(/\/ohne-main: no <\/main>/);
});
