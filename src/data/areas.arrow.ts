// Every area any fact names, with level and parent.
import {areas} from "../../loaders/model/catalogue.ts";
import {runLoader} from "../../loaders/site/framework.ts";
import {areasTable, toIPC} from "../../loaders/model/model.ts";
import {allFacts, buildAll} from "../../loaders/model/tables.ts";

await runLoader(
  "areas",
  async () => {
    const built = await buildAll();
    return toIPC(areasTable(areas(allFacts(built))));
  },
  () => toIPC(areasTable([]))
);
