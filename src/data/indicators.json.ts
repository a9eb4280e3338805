// The indicator catalogue: every indicator the fact tables hold.
import {catalogue} from "../../loaders/model/catalogue.ts";
import {runLoader} from "../../loaders/site/framework.ts";
import {allFacts, buildAll} from "../../loaders/model/tables.ts";

await runLoader(
  "indicators",
  async () => {
    const built = await buildAll();
    return JSON.stringify(catalogue(allFacts(built), built.indicators));
  },
  () => "[]"
);
