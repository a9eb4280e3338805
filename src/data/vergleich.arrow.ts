// The comparison page's data: IM indicators of the Kreise, Destatis Kreis tables, linked series of other sources.
import {comparisonRows, comparisonTable} from "../../loaders/comparison.ts";
import {runLoader} from "../../loaders/framework.ts";
import {toIPC} from "../../loaders/model.ts";
import {readableFacts} from "../../loaders/site-bundle.ts";

await runLoader(
  "vergleich",
  async () => toIPC(comparisonTable(comparisonRows((await readableFacts()).facts))),
  () => toIPC(comparisonTable([]))
);
