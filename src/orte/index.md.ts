// The index of all places with a profile.
import {printPage} from "../../loaders/site/site-bundle.ts";

await printPage("/orte/");
