import {expect, test} from "vitest";
import {jsonLiteral} from "../../loaders/site/html.ts";

test("a page's data as one JSON string: the same value back, nothing that could end the script", () => {
  const value = {title: "</script><script>alert(1)</script>", text: "Zeile\u2028Absatz\u2029Ende", quote: 'sagt "ja" \\ nein', rows: [{year: 2015, value: 13.44, flag: null}]};
  const expression = jsonLiteral(value);
  expect(expression).toMatch(/^JSON\.parse\("/);
  expect(expression).not.toMatch(/[<\u2028\u2029]/);
  expect(new Function(`return ${expression}`)()).toEqual(value);
});
