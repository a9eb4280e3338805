/**
 * Catalogue entries of the Germany-wide series (12411-0018, INKAR and what
 * the atlas derives from them). INKAR's own definition (_indikatoren.parquet)
 * is quoted; test/unit/germany.test.ts checks the quote against the file.
 */
export const INKAR_ASYL_NAME = "Empfänger von Regelleistungen nach dem Asylbewerbergesetz je 1.000 Einwohner";
export const INKAR_ASYL_ALGORITHM = "Empfänger von Regelleistungen nach dem Asylbewerbergesetz <Zeitpunkt> / Einwohner <Zeitpunkt> x 1.000";

export const GERMANY_META: Record<string, {title: string; definition: string; computation?: string; footnotes?: string}> = {
  "destatis:bevoelkerung": {
    title: "Bevölkerung nach Geschlecht und Altersgruppen (Fortschreibung)",
    definition: "Bevölkerung am 31.12. laut Fortschreibung des Bevölkerungsstandes (amtliche Einwohnerzahl), Männer und Frauen in 17 Altersgruppen („unter 3 Jahre“ … „75 Jahre und mehr“), jeder Kreis Deutschlands (Destatis GENESIS 12411-0018).",
    computation: "Kreise wie veröffentlicht. Summen je Kreis (insgesamt), je Land und für Deutschland hat der Atlas aus den Kreiswerten gebildet (Kennzeichen „derived“).",
    footnotes: "Ab 2011: Ergebnisse auf Grundlage des Zensus 2011. Kreisreform: Landkreise Göttingen (03152) und Osterode am Harz (03156) bis 31.10.2016, ab 1.11.2016 Landkreis Göttingen (03159). Nicht das Melderegister einer Stadt: für Magdeburg am 31.12.2018 238.697 (Fortschreibung) gegenüber 242.170 (Melderegister, KISS-MD)."
  },
  "destatis:anteil_unter_18": {title: "Anteil der unter 18-Jährigen", definition: "Bevölkerung unter 18 Jahren je 100 Einwohner, am 31.12. (Fortschreibung, Destatis 12411-0018).", computation: "Vom Atlas berechnet: Summe der Altersgruppen unter 3 bis 15 bis unter 18, Männer und Frauen, geteilt durch die Summe aller Gruppen (Kennzeichen „derived“)."},
  "destatis:anteil_65_plus": {title: "Anteil der 65-Jährigen und Älteren", definition: "Bevölkerung ab 65 Jahren je 100 Einwohner, am 31.12. (Fortschreibung, Destatis 12411-0018).", computation: "Vom Atlas berechnet: Gruppen 65 bis unter 75 und 75 und mehr, geteilt durch alle (Kennzeichen „derived“)."},
  "destatis:altenquotient": {title: "Altenquotient (65+ je 100 im Alter 20–64)", definition: "Personen ab 65 Jahren je 100 Personen von 20 bis unter 65 Jahren, am 31.12. (Fortschreibung, Destatis 12411-0018).", computation: "Vom Atlas berechnet aus den Altersgruppen (Kennzeichen „derived“). Nicht dieselbe Abgrenzung wie die Altenquote von KISS-MD."},
  "destatis:schutzsuchende_je_1000": {title: "Schutzsuchende je 1.000 Einwohner", definition: "Schutzsuchende am 31.12.2018 (Destatis 12531, Ausländerzentralregister) je 1.000 Einwohner am 31.12.2018 (Fortschreibung, Destatis 12411-0018).", computation: "Vom Atlas berechnet: Schutzsuchende / Bevölkerung × 1.000; Zähler und Nenner aus verschiedenen Registern (Kennzeichen „derived“)."},
  "inkar:q_asyl_bev": {
    title: "Asylbewerberleistungen: Empfänger je 1.000 Einwohner (INKAR)",
    definition: `${INKAR_ASYL_NAME} (INKAR, BBSR), am 31.12.; Berechnung der Quelle: ${INKAR_ASYL_ALGORITHM}.`,
    footnotes: "Regelleistungen als Grundleistungen (§ 3 AsylbLG) oder Hilfe zum Lebensunterhalt (§ 2 AsylbLG); Empfänger nach Hauptwohnsitz. Bevölkerung vor 2011 auf Basis der Volkszählung 1987 (BRD) bzw. 1981 (DDR), ab 2011 auf Basis des Zensus 2011 (INKAR, _indikatoren.parquet, Anmerkungen). Gebietsstand 31.12.2021: Eisenach (16056) ist im Wartburgkreis (16063) enthalten, auch in früheren Jahren."
  }
};
