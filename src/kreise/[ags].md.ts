// The compact profile of one Kreis of Germany (/kreise/<AGS>), from the site bundle (loaders/site/site-bundle.ts, loaders/site/kreis-page.ts).
import {parseArgs} from "node:util";
import {printPage} from "../../loaders/site/site-bundle.ts";

const {values} = parseArgs({options: {ags: {type: "string"}}});
await printPage(`/kreise/${values.ags}`);
