// The five concept catalogues, the theme vocabulary and the indicator ↔ data mapping.
import {buildConceptCatalogue} from "../../loaders/model/concept-catalogue.ts";
import {runLoader} from "../../loaders/site/framework.ts";

await runLoader(
  "concepts",
  async () => JSON.stringify(buildConceptCatalogue()),
  () => JSON.stringify({documents: [], elements: [], links: [], themes: []})
);
