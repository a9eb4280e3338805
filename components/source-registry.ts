// Written by scripts/source-registry.ts from data/sources.json; do not edit by hand.
import type {SourceSummary} from "./provenance.js";

export const SOURCE_REGISTRY: SourceSummary[] = [
  {
    "id": "im-niedersachsen",
    "title": "Integrationsmonitoring Niedersachsen",
    "publisher": "Landesamt für Statistik Niedersachsen (LSN)",
    "attribution": "Integrationsmonitoring Niedersachsen, LSN",
    "repository": "christoph-LSN/IM_Data",
    "commit": "bb9749e675c0ce71e54f4cf26aae10b3b5010cef",
    "homepage": "https://integrationsmonitoring.niedersachsen.de/",
    "data_licence": null,
    "repository_licence": "MIT",
    "terms_url": "https://integrationsmonitoring.niedersachsen.de/"
  },
  {
    "id": "kiss-md",
    "title": "KISS-MD – Kommunales Informations- und Statistiksystem Magdeburg",
    "publisher": "Landeshauptstadt Magdeburg, Amt für Statistik",
    "attribution": "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD)",
    "repository": "SmartCityMagdeburg2026/Datasources",
    "commit": "477945707257cd1023fc16f4c50dbe0b6b4fd75d",
    "homepage": "https://statistik.magdeburg.de/KISS-MD/",
    "data_licence": null,
    "repository_licence": "GPL-3.0",
    "terms_url": "https://statistik.magdeburg.de/KISS-MD/"
  },
  {
    "id": "magdeburg-stadtteile",
    "title": "Stadtteilgrenzen Magdeburg",
    "publisher": "OpenStreetMap-Mitwirkende (über SmartCityMagdeburg2026/Datasources)",
    "attribution": "© OpenStreetMap-Mitwirkende, ODbL",
    "repository": "SmartCityMagdeburg2026/Datasources",
    "commit": "477945707257cd1023fc16f4c50dbe0b6b4fd75d",
    "homepage": "https://www.openstreetmap.org/",
    "data_licence": {
      "name": "ODbL 1.0",
      "title": "Open Data Commons Open Database License 1.0",
      "url": "https://opendatacommons.org/licenses/odbl/1-0/"
    },
    "repository_licence": "GPL-3.0",
    "terms_url": "https://www.openstreetmap.org/copyright"
  },
  {
    "id": "vg250-ew",
    "title": "Verwaltungsgebiete 1:250 000 mit Einwohnerzahlen (VG250-EW), Gemeinden",
    "publisher": "Bundesamt für Kartographie und Geodäsie (über thomash0089/detuschlandkarte-gemeinden-scout.new-V2)",
    "attribution": "© GeoBasis-DE / BKG, dl-de/by-2-0",
    "repository": "thomash0089/detuschlandkarte-gemeinden-scout.new-V2",
    "commit": "d0cfa6b1d9a1d6d756ba620c3f6de276243479b3",
    "homepage": "https://gdz.bkg.bund.de/",
    "data_licence": {
      "name": "dl-de/by-2-0",
      "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      "url": "https://www.govdata.de/dl-de/by-2-0"
    },
    "repository_licence": null,
    "terms_url": "https://gdz.bkg.bund.de/"
  },
  {
    "id": "wolfsburg-stadtteile",
    "title": "Stadtteilgrenzen Wolfsburg",
    "publisher": "OpenStreetMap-Mitwirkende (über dikshyapokharel16/Wolfsburg-Investigating-Tool)",
    "attribution": "© OpenStreetMap-Mitwirkende, ODbL",
    "repository": "dikshyapokharel16/Wolfsburg-Investigating-Tool",
    "commit": "c70bc5d61a8f903fb9417fc4fe925ab898554926",
    "homepage": "https://www.openstreetmap.org/",
    "data_licence": {
      "name": "ODbL 1.0",
      "title": "Open Data Commons Open Database License 1.0",
      "url": "https://opendatacommons.org/licenses/odbl/1-0/"
    },
    "repository_licence": null,
    "terms_url": "https://www.openstreetmap.org/copyright"
  },
  {
    "id": "destatis-kreise",
    "title": "Schutzsuchende (31.12.2018) und Empfänger von Asylbewerberregelleistungen (31.12.2019) nach Kreisen",
    "publisher": "Statistisches Bundesamt (Destatis), GENESIS-Online 12531 und 22221 (über nicoFhahn/masterthesis)",
    "attribution": "© Statistisches Bundesamt (Destatis), dl-de/by-2-0",
    "repository": "nicoFhahn/masterthesis",
    "commit": "b7a0bd68a8fe2b37662b67b9efeed0892252a236",
    "homepage": "https://www-genesis.destatis.de/",
    "data_licence": {
      "name": "dl-de/by-2-0",
      "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      "url": "https://www.govdata.de/dl-de/by-2-0"
    },
    "repository_licence": null,
    "terms_url": "https://www-genesis.destatis.de/"
  },
  {
    "id": "destatis-12411",
    "title": "Bevölkerung: Kreise, Stichtag, Geschlecht, Altersgruppen (GENESIS 12411-0018)",
    "publisher": "Statistisches Bundesamt (Destatis), GENESIS-Online 12411-0018, Fortschreibung des Bevölkerungsstandes (über prototypefund/klinik-db-qbgbaExtraData)",
    "attribution": "© Statistisches Bundesamt (Destatis), 2021, dl-de/by-2-0",
    "repository": "prototypefund/klinik-db-qbgbaExtraData",
    "commit": "d6fa0e2c0e1a04e9c9095ccdb8e1c44c3a67989a",
    "homepage": "https://www-genesis.destatis.de/genesis/online?code=12411-0018",
    "data_licence": {
      "name": "dl-de/by-2-0",
      "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      "url": "https://www.govdata.de/dl-de/by-2-0"
    },
    "repository_licence": null,
    "terms_url": "https://www-genesis.destatis.de/"
  },
  {
    "id": "inkar",
    "title": "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung (BBSR), Tabelle sozialleistungen",
    "publisher": "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR) im BBR, Ausgabe 2021 (über das R-Paket inkr, RegioHub/inkr)",
    "attribution": "INKAR, © BBSR Bonn 2021, dl-de/by-2-0",
    "repository": "RegioHub/inkr",
    "commit": "2825eea845b6418df786243d60cfa8fb48c77a27",
    "homepage": "https://www.inkar.de/",
    "data_licence": {
      "name": "dl-de/by-2-0",
      "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      "url": "https://www.govdata.de/dl-de/by-2-0"
    },
    "repository_licence": "MIT",
    "terms_url": "https://www.inkar.de/"
  },
  {
    "id": "vg5000",
    "title": "Verwaltungsgebiete 1:5 000 000 (VG5000), Kreise, Stand 01.01.2021",
    "publisher": "Bundesamt für Kartographie und Geodäsie (BKG) (über Praesklepios/geoGermany)",
    "attribution": "© GeoBasis-DE / BKG 2021 (Daten verändert: vereinfacht, Länder aus Kreisen zusammengesetzt), dl-de/by-2-0",
    "repository": "Praesklepios/geoGermany",
    "commit": "7af434f1917117f1101e6f2237b3c50422cc46bc",
    "homepage": "https://gdz.bkg.bund.de/",
    "data_licence": {
      "name": "dl-de/by-2-0",
      "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      "url": "https://www.govdata.de/dl-de/by-2-0"
    },
    "repository_licence": null,
    "terms_url": "https://gdz.bkg.bund.de/"
  },
  {
    "id": "goettingen-sdg",
    "title": "SDG-Indikatoren für Kommunen, Stadt Göttingen: Indikator 10-1",
    "publisher": "Stadt Göttingen (GÖSIS 027.02) über OpenSDGde/goettingen-data",
    "attribution": "Stadt Göttingen, GÖSIS 027.02 (OpenSDGde)",
    "repository": "OpenSDGde/goettingen-data",
    "commit": "a0fca0b1ca7711f7a1eedc5eebf68fce6aad049d",
    "homepage": "https://goesis.goettingen.de/",
    "data_licence": null,
    "repository_licence": "MIT",
    "terms_url": "https://goesis.goettingen.de/"
  }
];
