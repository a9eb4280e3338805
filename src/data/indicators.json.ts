// The indicator catalogue: every indicator the fact tables hold.
import {catalogue} from "../../loaders/catalogue.ts";
import {runLoader} from "../../loaders/framework.ts";
import {buildAll, FACT_TABLE_NAMES} from "../../loaders/tables.ts";

await runLoader(
  "indicators",
  async () => {
    const built = await buildAll();
    return JSON.stringify(catalogue(FACT_TABLE_NAMES.flatMap((name) => built[name].facts), built.indicators));
  },
  () => "[]"
);
