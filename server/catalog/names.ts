// Closest known names for a misspelling: optimal string alignment distance (edits and swaps of neighbours),
// case-insensitive, as Apache matches names.

/** Distance between two lower-cased names, or Infinity once it exceeds `limit` (keeps the search cheap). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return Infinity;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] <= limit ? prev[b.length] : Infinity;
}

/** How far a name may be from a known one and still count as a misspelling of it. */
export function typoLimit(name: string): number {
  return name.length <= 4 ? 1 : name.length <= 10 ? 2 : 3;
}

/** Up to `max` candidates within the typo limit, closest first (ties: shorter length difference, then name). */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = typoLimit(lower);
  const hits: Array<{ name: string; d: number }> = [];
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), limit);
    if (d > 0 && d !== Infinity) hits.push({ name: c, d });
  }
  hits.sort((x, y) => x.d - y.d || Math.abs(x.name.length - name.length) - Math.abs(y.name.length - name.length) || x.name.localeCompare(y.name));
  return hits.slice(0, max).map((h) => h.name);
}
