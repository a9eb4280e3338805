/**
 * Foreigners by age group per Kreis, statistical region and Land
 * (Integrationsmonitoring 1-2-6): the data of the age-structure pages, a
 * small slice of facts-im (5.408 of about 200.000 rows), so a page need not
 * load the whole table.
 */
import {FACT_TABLES, type BuiltFacts} from "./tables.ts";

export const IM_AGE_INDICATOR = "im:1-2-6";

export async function buildImAgeGroups(): Promise<BuiltFacts> {
  const {facts} = await FACT_TABLES["facts-im"]();
  return {facts: facts.filter((f) => f.indicator === IM_AGE_INDICATOR), findings: []};
}
