// The comparison page's data: IM indicators of the Kreise, Destatis Kreis tables, linked series of other sources.
import {comparisonRows, comparisonTable} from "../../loaders/model/comparison.ts";
import {runLoader} from "../../loaders/site/framework.ts";
import {toIPC} from "../../loaders/model/model.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";

await runLoader(
  "vergleich",
  async () => toIPC(comparisonTable(comparisonRows((await readableFacts()).facts))),
  () => toIPC(comparisonTable([]))
);
