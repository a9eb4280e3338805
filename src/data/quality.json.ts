// Data-quality findings of every fact table (parts vs totals, duplicates, implausible values, gaps).
import {runLoader} from "../../loaders/site/framework.ts";
import {checkJoins} from "../../loaders/model/joins.ts";
import {allFacts, buildAll, FACT_TABLE_NAMES} from "../../loaders/model/tables.ts";

await runLoader(
  "quality",
  async () => {
    const built = await buildAll();
    const joins = await checkJoins(allFacts(built));
    return JSON.stringify([
      ...FACT_TABLE_NAMES.flatMap((table) => built[table].findings.map((finding) => ({table, ...finding}))),
      ...joins.map((finding) => ({table: "boundaries", ...finding}))
    ]);
  },
  () => "[]"
);
