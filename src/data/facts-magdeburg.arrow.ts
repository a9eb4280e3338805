import {factsLoader} from "../../loaders/framework.ts";

await factsLoader("facts-magdeburg");
