// Binary search over lists kept in document order (logical lines, sibling nodes, variable uses, Define events).

/** The last item whose key is at most `offset`, or undefined when every key is greater. */
export function lastAtOrBefore<T>(list: readonly T[], offset: number, key: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? list[found] : undefined;
}
