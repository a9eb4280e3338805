/**
 * The small-base rule: a share that rests on few people swings with a
 * handful of moves, so it is shown but marked, and rankings list it apart.
 * A share is on a small base when its denominator has fewer than 500 people
 * or its numerator fewer than 50 (Industriehafen: 237 of 286; Sülzegrund:
 * 0 of 7). A change between two years is on a small base when either year is.
 * Separate from impossible values (0/0, share contradicted by its counts):
 * those are null with a flag; a small base is a caveat on a real number.
 */
import {formatNumber} from "./format.js";

export const SMALL_BASE = {denominator: 500, numerator: 50} as const;

export const SMALL_BASE_RULE = `Kleine Basis: Ein Anteil, dessen Bezugsgröße weniger als ${formatNumber(SMALL_BASE.denominator, {digits: 0})} Personen oder dessen Zähler weniger als ${SMALL_BASE.numerator} Personen umfasst, schwankt schon durch wenige Zu- oder Fortzüge stark. Er wird gezeigt, aber markiert (Karte: gestrichelter Rand, Tabelle: „kleine Basis“) und in Rangfolgen nach den übrigen Gebieten ohne Rangplatz geführt.`;

/** True when the share numerator/denominator rests on a small base; null counts (unknown) are not judged small. */
export function isSmallBase(numerator: number | null | undefined, denominator: number | null | undefined): boolean {
  if (denominator !== null && denominator !== undefined && denominator < SMALL_BASE.denominator) return true;
  return numerator !== null && numerator !== undefined && numerator < SMALL_BASE.numerator;
}

/** The caveat in words, with the counts it rests on. */
export function smallBaseNote(numerator: number | null | undefined, denominator: number | null | undefined, {numeratorLabel = "Zähler", denominatorLabel = "Bezugsgröße"} = {}): string {
  const n = (v: number | null | undefined) => formatNumber(v ?? null, {digits: 0});
  return `kleine Basis (${numeratorLabel} ${n(numerator)}, ${denominatorLabel} ${n(denominator)}): Anteil schwankt stark, ohne Rangplatz`;
}
