/**
 * One source of the register on /quellen: publisher, licence by name (or
 * that the source states none, with its terms), the pinned commit as a link,
 * and every pinned file with its SHA-256 and a link to its canonical URL.
 */
import {formatNumber} from "./format.js";
import {blobUrl, commitUrl, rawUrl, type Licence} from "./provenance.js";

export interface RegisterSource {
  id: string;
  title: string;
  publisher: string;
  attribution: string;
  coverage: string;
  notes?: string;
  repository: string;
  commit: string;
  homepage: string;
  data_licence: Licence | null;
  repository_licence: string | null;
  terms_url: string;
  available: boolean;
}

/** [path, sha256, bytes] as src/data/source-files.json.ts writes them. */
export type PinnedFile = [string, string, number];

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Record<string, string | undefined> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const link = (doc: Document, href: string, text: string, cls?: string) => el(doc, "a", {href, class: cls}, text);

export function sourceSection(src: RegisterSource, files: PinnedFile[], {document: doc = globalThis.document}: {document?: Document} = {}): HTMLElement {
  const section = el(doc, "section", {"class": "atlas-source", "id": `quelle-${src.id}`, "data-source": src.id});
  section.append(el(doc, "h3", {}, src.title));
  const dl = el(doc, "dl", {class: "atlas-source-facts"});
  const row = (term: string, ...content: (Node | string)[]) => {
    const dd = el(doc, "dd");
    dd.append(...content);
    dl.append(el(doc, "dt", {}, term), dd);
  };
  row("Herausgeber", src.publisher, " · ", link(doc, src.homepage, src.homepage));
  row(
    "Lizenz der Daten",
    ...(src.data_licence
      ? [link(doc, src.data_licence.url, src.data_licence.name, "atlas-licence"), ` (${src.data_licence.title})`]
      : ["keine Lizenz genannt; es gelten die Nutzungsbedingungen der Quelle: ", link(doc, src.terms_url, src.terms_url, "atlas-terms")])
  );
  if (src.repository_licence) row("Lizenz des Repositorys", `${src.repository_licence} (gilt für das Repository, in dem die Dateien liegen)`);
  row("Namensnennung", src.attribution);
  row("Abdeckung", src.coverage);
  row("Commit", link(doc, commitUrl(src), `${src.repository} @ ${src.commit}`, "atlas-commit"));
  row("Beim Bau geprüft", src.available ? "ja: jede Datei gelesen, SHA-256 stimmt" : "nein: Quelle fehlte beim Bau");
  section.append(dl);
  if (src.notes) section.append(el(doc, "p", {class: "atlas-explain"}, src.notes));
  const bytes = files.reduce((sum, f) => sum + f[2], 0);
  const details = el(doc, "details", {class: "atlas-source-files"});
  details.append(el(doc, "summary", {}, `${formatNumber(files.length, {digits: 0})} ${files.length === 1 ? "Datei" : "Dateien"} (${formatNumber(bytes / 1e6, {digits: 1})} MB) mit SHA-256`));
  const list = el(doc, "ul", {class: "atlas-file-list"});
  for (const [path, sha256, size] of files) {
    const li = el(doc, "li", {"data-path": path});
    li.append(link(doc, rawUrl(src, path), path, "atlas-file-raw"), ` · ${formatNumber(size, {digits: 0})} Bytes · `, link(doc, blobUrl(src, path), "auf GitHub ansehen", "atlas-file-blob"));
    li.append(el(doc, "br"), el(doc, "code", {class: "atlas-sha256", title: "SHA-256"}, sha256));
    list.append(li);
  }
  details.append(list);
  section.append(details);
  return section;
}
