import {factsLoader} from "../../loaders/site/framework.ts";

await factsLoader("im-kreis-rates");
