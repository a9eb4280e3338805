/**
 * Classification of map values into colour classes: quantile, equal
 * interval, natural breaks (Jenks, via optimal 1-D k-means) and standard
 * deviation. Each returns the inner class breaks (k classes → k−1 breaks).
 */
export type Method = "quantile" | "equal" | "jenks" | "stddev";

export const METHODS: {value: Method; label: string; explanation: string}[] = [
  {value: "quantile", label: "Quantile", explanation: "Jede Klasse enthält etwa gleich viele Gebiete; gut zum Vergleichen der Rangfolge, kleine Unterschiede können groß wirken."},
  {value: "equal", label: "Gleiche Intervalle", explanation: "Jede Klasse umfasst einen gleich breiten Wertebereich; Ausreißer können die meisten Gebiete in eine Klasse drängen."},
  {value: "jenks", label: "Natürliche Brüche (Jenks)", explanation: "Die Grenzen liegen dort, wo die Werte natürliche Lücken haben; die Unterschiede innerhalb einer Klasse sind möglichst klein."},
  {value: "stddev", label: "Standardabweichung", explanation: "Die Grenzen liegen in Schritten von einer Standardabweichung um den Mittelwert; zeigt, wie weit ein Gebiet vom Durchschnitt abweicht."}
];

function sorted(values: Iterable<number | null | undefined>): number[] {
  return [...values].filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
}

function unique(breaks: number[]): number[] {
  return breaks.filter((b, i) => i === 0 || b > breaks[i - 1]);
}

export function quantileBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  const v = sorted(values);
  if (v.length === 0 || k < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    // Type 7 quantile (as d3.quantile).
    const h = (v.length - 1) * (i / k);
    const lo = Math.floor(h);
    breaks.push(v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (h - lo));
  }
  return unique(breaks);
}

export function equalBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  const v = sorted(values);
  if (v.length === 0 || k < 2 || v[0] === v[v.length - 1]) return [];
  const step = (v[v.length - 1] - v[0]) / k;
  return Array.from({length: k - 1}, (_, i) => v[0] + step * (i + 1));
}

/** Natural breaks: the optimal partition of sorted values into k groups (least within-class squared deviation). */
export function jenksBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  const v = sorted(values);
  const n = v.length;
  k = Math.min(k, new Set(v).size);
  if (n === 0 || k < 2) return [];
  const prefix = [0];
  const prefix2 = [0];
  for (const x of v) {
    prefix.push(prefix[prefix.length - 1] + x);
    prefix2.push(prefix2[prefix2.length - 1] + x * x);
  }
  const cost = (i: number, j: number) => {
    // squared deviation of v[i..j]
    const s = prefix[j + 1] - prefix[i];
    const s2 = prefix2[j + 1] - prefix2[i];
    return s2 - (s * s) / (j - i + 1);
  };
  const D = Array.from({length: k}, () => new Float64Array(n).fill(Infinity));
  const B = Array.from({length: k}, () => new Int32Array(n));
  for (let j = 0; j < n; j++) D[0][j] = cost(0, j);
  for (let c = 1; c < k; c++) {
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const d = D[c - 1][i - 1] + cost(i, j);
        if (d < D[c][j]) {
          D[c][j] = d;
          B[c][j] = i;
        }
      }
    }
  }
  const starts: number[] = [];
  let j = n - 1;
  for (let c = k - 1; c > 0; c--) {
    const i = B[c][j];
    starts.unshift(i);
    j = i - 1;
  }
  // A break between classes lies at the first value of the upper class.
  return unique(starts.map((i) => v[i]));
}

export function stddevBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  const v = sorted(values);
  if (v.length < 2 || k < 2) return [];
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1));
  if (sd === 0) return [];
  // Breaks at mean ± 0.5, 1.5 … sd for odd k, at mean, ±1, ±2 … sd for even k.
  const offsets = k % 2 === 1 ? Array.from({length: k - 1}, (_, i) => i - (k - 2) / 2) : Array.from({length: k - 1}, (_, i) => i - (k - 2) / 2);
  return offsets.map((o) => mean + o * sd);
}

export function breaks(method: Method, values: Iterable<number | null | undefined>, k: number): number[] {
  switch (method) {
    case "quantile":
      return quantileBreaks(values, k);
    case "equal":
      return equalBreaks(values, k);
    case "jenks":
      return jenksBreaks(values, k);
    case "stddev":
      return stddevBreaks(values, k);
  }
}

/** Index of the class of `value` given ascending breaks (class i: breaks[i-1] ≤ value < breaks[i]). */
export function classOf(value: number, classBreaks: number[]): number {
  let i = 0;
  while (i < classBreaks.length && value >= classBreaks[i]) i++;
  return i;
}
