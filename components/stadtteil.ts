/**
 * The URL segment of a Magdeburg Stadtteil's profile (/orte/magdeburg/<slug>):
 * its name in lower case, umlauts spelled out, anything else a hyphen.
 * One function for the page writer (Node) and the map page (browser).
 */
export function stadtteilSlug(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
