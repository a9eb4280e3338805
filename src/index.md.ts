// The home page: written from the profiles' build-time data (loaders/site/home-page.ts).
import {readComparability} from "../loaders/model/comparability.ts";
import {homeMarkdown} from "../loaders/site/home-page.ts";
import {existingRoutes} from "../loaders/site/routes.ts";
import {siteBundle} from "../loaders/site/site-bundle.ts";

const markdown = homeMarkdown((await siteBundle()).profiles, {routes: existingRoutes(), rules: readComparability()});
await new Promise<void>((resolve, reject) => process.stdout.write(markdown, (error) => (error ? reject(error) : resolve())));
