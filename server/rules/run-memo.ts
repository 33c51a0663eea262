// Memos the config rules share while they run (per model or per syntax tree: indexes by name, each mod_wsgi
// directive read the way mod_wsgi reads it, where each section stands). Nothing but the rules reads them, and the
// rules run once per analysis, so they are forgotten as soon as the findings are made: an analysis the editor
// keeps for hovers and quick fixes then holds its tree, model and findings, not a fifth more in memos.
const memos: Array<WeakMap<object, unknown>> = [];

/** A WeakMap whose entries forgetRunMemos drops for the keys it is given. */
export function runMemo<K extends object, V>(): WeakMap<K, V> {
  const memo = new WeakMap<K, V>();
  memos.push(memo as WeakMap<object, unknown>);
  return memo;
}

/** Drops every rule memo kept for these keys (a model, its syntax tree): asked again, a memo is built anew. */
export function forgetRunMemos(...keys: readonly object[]): void {
  for (const memo of memos) for (const key of keys) memo.delete(key);
}

/** How many rule memos hold an entry for `key` (for tests: an analysis whose findings are made holds none). */
export function memosHolding(key: object): number {
  let held = 0;
  for (const memo of memos) if (memo.has(key)) held++;
  return held;
}
