/**
 * The place search of the home page: a typeahead over every place the atlas
 * has a page for (the index is generated at build time, /data/orte-suche.json).
 * Matching folds umlauts both ways (Göttingen, Goettingen, Gottingen) and
 * finds names, name variants and AGS; a name word that starts with the query
 * ranks first. ARIA combobox pattern: arrow keys, Enter opens, Escape closes.
 */

export interface PlaceEntry {
  /** Name as the page titles it. */
  name: string;
  /** What kind of place it is, in words (Landkreis in Niedersachsen, Stadtteil von Magdeburg). */
  kind: string;
  /** Amtlicher Gemeindeschlüssel or the atlas's area id. */
  ags: string;
  /** Where the place's page is. */
  href: string;
  /** Other names readers type (Göttingen for Stadt Göttingen, Hannover for the Landeshauptstadt). */
  variants: string[];
}

/** Lower case, umlauts as ae/oe/ue, ß as ss, only letters and digits. */
export function foldExpanded(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Lower case, umlauts as plain vowels (a reader typing "Gottingen"). */
export function foldPlain(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("ß", "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function keysOf(entry: PlaceEntry): {key: string; name: boolean}[] {
  const fold = (t: string) => [foldExpanded(t), foldPlain(t)];
  const names = new Set(fold(entry.name));
  const variants = new Set([...entry.variants, entry.ags].flatMap(fold).filter((k) => !names.has(k)));
  return [...[...names].map((key) => ({key, name: true})), ...[...variants].map((key) => ({key, name: false}))];
}

/**
 * 0 best: a name or variant is the query; 1: the name starts with it; 2: a
 * variant starts with it; 3: a word starts with it; 4: it occurs inside.
 * Digits search the AGS by prefix.
 */
function rank(entry: PlaceEntry, keys: {key: string; name: boolean}[], query: string[]): number | null {
  const ags = entry.ags.replace(/\D/g, "");
  if (query.every((q) => /^\d+$/.test(q))) return ags.startsWith(query.join("")) ? (ags === query.join("") ? 0 : 1) : null;
  const whole = query.join(" ");
  let best: number | null = null;
  for (const {key, name} of keys) {
    if (!query.every((q) => key.includes(q))) continue;
    const r = key === whole ? 0 : key.startsWith(query[0]) ? (name ? 1 : 2) : key.split(" ").some((w) => w.startsWith(query[0])) ? 3 : 4;
    best = best === null ? r : Math.min(best, r);
  }
  return best;
}

/** The places a query finds, best first (name order within a rank). */
export function searchPlaces(index: readonly PlaceEntry[], query: string, limit = 12): PlaceEntry[] {
  // Both foldings of the query are tried; a key must hold every word of one folding.
  const foldings = [foldExpanded(query).split(" ").filter(Boolean), foldPlain(query).split(" ").filter(Boolean)];
  if (!foldings[0].length) return [];
  const found: {entry: PlaceEntry; rank: number}[] = [];
  for (const entry of index) {
    const keys = keysOf(entry);
    const ranks = foldings.map((q) => rank(entry, keys, q)).filter((r): r is number => r !== null);
    if (ranks.length) found.push({entry, rank: Math.min(...ranks)});
  }
  found.sort((a, b) => a.rank - b.rank || a.entry.name.localeCompare(b.entry.name, "de"));
  return found.slice(0, limit).map((f) => f.entry);
}

export interface PlaceSearchOptions {
  /** Navigation on choice (tests pass a recorder). */
  go?: (href: string) => void;
  document?: Document;
}

/**
 * Turns the page's static search field into a typeahead. The field and its
 * list are in the page's HTML, so it is on screen before any script runs;
 * what a reader typed before this ran is searched at once.
 */
export function attachPlaceSearch(input: HTMLInputElement, list: HTMLElement, status: HTMLElement, index: readonly PlaceEntry[], {go = (href) => location.assign(href), document: doc = input.ownerDocument}: PlaceSearchOptions = {}): void {
  let results: PlaceEntry[] = [];
  let active = -1;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  list.setAttribute("role", "listbox");
  const show = () => {
    list.replaceChildren(
      ...results.map((r, i) => {
        const li = doc.createElement("li");
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(i === active));
        li.dataset.href = r.href;
        const a = doc.createElement("a");
        a.href = r.href;
        a.tabIndex = -1;
        const name = doc.createElement("span");
        name.className = "atlas-search-name";
        name.textContent = r.name;
        const kind = doc.createElement("span");
        kind.className = "atlas-search-kind";
        kind.textContent = `${r.kind} · ${r.ags}`;
        a.append(name, kind);
        li.append(a);
        return li;
      })
    );
    list.hidden = !results.length;
    input.setAttribute("aria-expanded", String(results.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
    const q = input.value.trim();
    status.textContent = !q ? "" : results.length ? `${results.length === 1 ? "Ein Ort gefunden" : `${results.length} Orte gefunden`}` : "Kein Ort gefunden. Versuchen Sie einen anderen Namen oder den Gemeindeschlüssel.";
  };
  const update = () => {
    results = searchPlaces(index, input.value);
    active = results.length ? 0 : -1;
    show();
  };
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      show();
    } else if (event.key === "Enter") {
      if (active < 0) return;
      event.preventDefault();
      go(results[active].href);
    } else if (event.key === "Escape") {
      results = [];
      active = -1;
      show();
    }
  });
  input.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    if (active >= 0) go(results[active].href);
  });
  if (input.value) update();
}
