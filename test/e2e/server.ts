/** The tests serve dist/ with the one server of the project (scripts/server.ts), as `npm run serve` does. */
export {serve, type StaticServer} from "../../scripts/server.ts";
