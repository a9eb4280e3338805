// The comparability rules (data/comparability.csv) as JSON for the pages.
import {readComparability} from "../../loaders/model/comparability.ts";
import {runLoader} from "../../loaders/site/framework.ts";

await runLoader("comparability", async () => JSON.stringify(readComparability()), () => "[]");
