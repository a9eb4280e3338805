// The indicator catalogue: every indicator the loaders produce, as page text the site search indexes.
import {printPage} from "../loaders/site/site-bundle.ts";

await printPage("/indikatoren");
