// The home page's place search: every place with a page (loaders/site/place-index.ts).
import {searchablePlaces} from "../../loaders/site/place-index.ts";

process.stdout.write(JSON.stringify(searchablePlaces()));
