// Integrationsmonitoring 1-2-6 (foreigners by age group) alone, in the tidy fact schema.
import {buildImAgeGroups} from "../../loaders/model/agegroups.ts";
import {runLoader} from "../../loaders/site/framework.ts";
import {factsTable, toIPC} from "../../loaders/model/model.ts";

await runLoader("im-auslaender-alter", async () => toIPC(factsTable((await buildImAgeGroups()).facts)), () => toIPC(factsTable([])));
