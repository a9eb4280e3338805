// Integrationsmonitoring 1-2-6 (foreigners by age group) alone, in the tidy fact schema.
import {buildImAgeGroups} from "../../loaders/agegroups.ts";
import {runLoader} from "../../loaders/framework.ts";
import {factsTable, toIPC} from "../../loaders/model.ts";

await runLoader("im-auslaender-alter", async () => toIPC(factsTable((await buildImAgeGroups()).facts)), () => toIPC(factsTable([])));
