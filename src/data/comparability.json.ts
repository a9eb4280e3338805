// The comparability rules (data/comparability.csv) as JSON for the pages.
import {readComparability} from "../../loaders/comparability.ts";
import {runLoader} from "../../loaders/framework.ts";

await runLoader("comparability", async () => JSON.stringify(readComparability()), () => "[]");
