import {factsLoader} from "../../loaders/framework.ts";

await factsLoader("facts-gemeinden");
