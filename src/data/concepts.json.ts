// The five concept catalogues, the theme vocabulary and the indicator ↔ data mapping.
import {buildConceptCatalogue} from "../../loaders/concept-catalogue.ts";
import {runLoader} from "../../loaders/framework.ts";

await runLoader(
  "concepts",
  async () => JSON.stringify(buildConceptCatalogue()),
  () => JSON.stringify({documents: [], elements: [], links: [], themes: []})
);
