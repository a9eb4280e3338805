// The charts of every profile page with their embed page and static SVG (the list on /einbetten/).
import {runLoader} from "../../loaders/site/framework.ts";
import {profileChartList} from "../../loaders/site/profile-embed-page.ts";
import {siteBundle} from "../../loaders/site/site-bundle.ts";

await runLoader("profile-charts", async () => JSON.stringify(profileChartList(await siteBundle())), () => "[]");
