import {factsLoader} from "../../loaders/site/framework.ts";

await factsLoader("de-kreis-karte");
