import {factsLoader} from "../../loaders/framework.ts";

await factsLoader("im-kreis-rates");
