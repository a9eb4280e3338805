/**
 * Choosing several places: a search field with typeahead (the browser's own
 * <datalist>, which phones offer as suggestions too), the chosen places as
 * chips with a remove button, preset selections (buttons), and the areas that
 * are no current place (Kreisgruppen, former Kreise) in a separate, labelled
 * list. Behaves like an Observable input: `value` is the chosen areas, an
 * "input" event says it changed, so a page can `view()` it.
 */
import type {Area} from "./charts/vergleich.js";

export interface Preset {
  label: string;
  ids: readonly string[];
  /** Why the preset is not offered now (shown instead of the button being active). */
  disabled?: string;
}

export interface PlacePickerOptions {
  value: readonly Area[];
  label?: string;
  max?: number;
  /** The presets for the current choice (recomputed on every change). */
  presets?: (chosen: readonly Area[]) => Preset[];
  /** A label for areas kept out of the main list (aggregates, former Kreise); null for ordinary places. */
  aside?: (area: Area) => string | null;
  /** A place's colour, shown on its chip as in the charts. */
  colorOf?: (area: Area) => string | null;
  document?: Document;
}

let counter = 0;

/** The area a typed text means: the exact name, else the only name containing it, else the first name starting with it. */
export function matchPlace(areas: readonly Area[], text: string): Area | undefined {
  const q = text.trim().toLocaleLowerCase("de");
  if (!q) return undefined;
  const name = (a: Area) => a.name.toLocaleLowerCase("de");
  const containing = areas.filter((a) => name(a).includes(q));
  return areas.find((a) => name(a) === q) ?? (containing.length === 1 ? containing[0] : containing.find((a) => name(a).startsWith(q)) ?? containing[0]);
}

export function placePicker(areas: readonly Area[], {value, label = "Orte", max = 10, presets, aside = () => null, colorOf = () => null, document: doc = globalThis.document}: PlacePickerOptions): HTMLElement & {value: Area[]} {
  const id = `atlas-places-${++counter}`;
  const byId = new Map(areas.map((a) => [a.area_id, a]));
  const main = areas.filter((a) => !aside(a));
  const others = areas.filter((a) => aside(a));
  let chosen: Area[] = value.slice(0, max);

  const el = (tag: string, className?: string, text?: string) => {
    const e = doc.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const root = el("div", "atlas-picker") as HTMLElement & {value: Area[]};
  const title = el("label", "atlas-picker-label", label) as HTMLLabelElement;
  title.htmlFor = `${id}-search`;
  const chips = el("ul", "atlas-chips");
  chips.setAttribute("aria-label", "Gewählte Orte");
  const search = el("input", "atlas-picker-search") as HTMLInputElement;
  Object.assign(search, {type: "search", id: `${id}-search`, placeholder: "Ort suchen und hinzufügen …", autocomplete: "off"});
  search.setAttribute("list", `${id}-list`);
  const list = el("datalist");
  list.id = `${id}-list`;
  const add = el("button", "atlas-picker-add", "Hinzufügen") as HTMLButtonElement;
  add.type = "button";
  const row = el("div", "atlas-picker-row");
  row.append(search, add);
  const status = el("p", "atlas-picker-status");
  status.setAttribute("role", "status");
  const presetBox = el("div", "atlas-picker-presets");
  presetBox.setAttribute("role", "group");
  presetBox.setAttribute("aria-label", "Vorauswahl");
  const more = el("details", "atlas-picker-more") as HTMLDetailsElement;
  more.append(el("summary", undefined, "Kreisgruppen und frühere Kreise (nur für Reihen, die es so gibt)"));
  const moreList = el("ul", "atlas-picker-asides");
  more.append(moreList);
  root.append(title, chips, row, list, status, presetBox, ...(others.length ? [more] : []));

  const set = (next: readonly Area[], message = "") => {
    const unique = [...new Map(next.map((a) => [a.area_id, a])).values()];
    chosen = unique.slice(0, max);
    status.textContent = unique.length > max ? `Höchstens ${max} Orte; ${unique.length - max} nicht übernommen: ${unique.slice(max).map((a) => a.name).join(", ")}.` : message;
    render();
    // The event class of the element's own window (jsdom in tests).
    root.dispatchEvent(new (doc.defaultView?.Event ?? Event)("input", {bubbles: true}));
  };
  const addText = () => {
    const hit = matchPlace(areas.filter((a) => !chosen.includes(a)), search.value);
    if (!hit) {
      status.textContent = search.value.trim() ? `Kein Ort „${search.value.trim()}“ in den Daten dieses Vergleichs.` : "";
      return;
    }
    search.value = "";
    set([...chosen, hit], `${hit.name} hinzugefügt.`);
  };

  function render() {
    chips.replaceChildren(...chosen.map((a) => {
      const li = el("li", "atlas-chip");
      li.dataset.areaId = a.area_id;
      const color = colorOf(a);
      if (color) {
        const swatch = el("span", "atlas-chip-swatch");
        swatch.style.background = color;
        swatch.setAttribute("aria-hidden", "true");
        li.append(swatch);
      }
      li.append(el("span", "atlas-chip-name", a.name));
      const note = aside(a);
      if (note) {
        const mark = el("span", "atlas-chip-note", "Gebietsgruppe");
        mark.title = note;
        li.append(mark);
      }
      const remove = el("button", "atlas-chip-remove", "×") as HTMLButtonElement;
      remove.type = "button";
      remove.setAttribute("aria-label", `${a.name} entfernen`);
      remove.addEventListener("click", () => set(chosen.filter((c) => c !== a), `${a.name} entfernt.`));
      li.append(remove);
      return li;
    }));
    const full = chosen.length >= max;
    search.disabled = add.disabled = full;
    search.placeholder = full ? `Höchstens ${max} Orte gewählt` : "Ort suchen und hinzufügen …";
    list.replaceChildren(...main.filter((a) => !chosen.includes(a)).map((a) => {
      const o = el("option") as HTMLOptionElement;
      o.value = a.name;
      return o;
    }));
    presetBox.replaceChildren(...(presets?.(chosen) ?? []).map((p) => {
      const b = el("button", "atlas-preset", p.label) as HTMLButtonElement;
      b.type = "button";
      if (p.disabled || !p.ids.length) {
        b.disabled = true;
        b.title = p.disabled ?? "keine Orte";
      }
      b.addEventListener("click", () => set(p.ids.map((i) => byId.get(i)).filter((a): a is Area => a !== undefined), `Vorauswahl „${p.label}“.`));
      return b;
    }));
    moreList.replaceChildren(...others.map((a) => {
      const li = el("li");
      const b = el("button", "atlas-aside", a.name) as HTMLButtonElement;
      b.type = "button";
      b.disabled = chosen.includes(a) || full;
      b.addEventListener("click", () => set([...chosen, a], `${a.name} hinzugefügt (${aside(a)}).`));
      li.append(b, el("span", "atlas-aside-note", ` – ${aside(a)}`));
      return li;
    }));
  }

  // The datalist's choice arrives as a change of the field's value; Enter and the button add what is typed.
  search.addEventListener("input", (e) => {
    e.stopPropagation();
    if (main.some((a) => a.name === search.value && !chosen.includes(a))) addText();
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      addText();
    }
  });
  add.addEventListener("click", addText);
  Object.defineProperty(root, "value", {get: () => chosen.slice(), set: (v: Area[]) => ((chosen = v.slice(0, max)), render())});
  render();
  return root;
}
