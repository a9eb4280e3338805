// Reproduction of the concept documents' statistics: every printed number with its checks and second-source comparisons.
import {runLoader} from "../../loaders/site/framework.ts";
import {buildReproduction} from "../../loaders/model/reproduction.ts";

await runLoader("reproduction", async () => JSON.stringify(await buildReproduction()), () => JSON.stringify({documents: [], unavailable: ["reproduction"]}));
