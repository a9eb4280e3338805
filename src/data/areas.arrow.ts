// Every area any fact names, with level and parent.
import {areas} from "../../loaders/catalogue.ts";
import {runLoader} from "../../loaders/framework.ts";
import {areasTable, toIPC} from "../../loaders/model.ts";
import {allFacts, buildAll} from "../../loaders/tables.ts";

await runLoader(
  "areas",
  async () => {
    const built = await buildAll();
    return toIPC(areasTable(areas(allFacts(built))));
  },
  () => toIPC(areasTable([]))
);
