// Compact profiles of every Kreis of Germany, one generated page (loaders/site/kreise-page.ts).
import {buildGermanyFacts} from "../loaders/model/germany.ts";
import {runLoader} from "../loaders/site/framework.ts";
import {kreiseMarkdown} from "../loaders/site/kreise-page.ts";

await runLoader("/kreise", async () => kreiseMarkdown((await buildGermanyFacts()).facts), () => "# Alle Kreise Deutschlands\n\nDie Quellen (Destatis 12411-0018, INKAR) fehlen in diesem Bau.\n");
