// Binary search over lists kept in document order (logical lines, line starts, sibling nodes, variable uses, Define
// events).

/** Index of the last item whose key is at most `offset` (keys ascending), or -1 when every key is greater. */
export function lastIndexAtOrBefore<T>(list: ArrayLike<T>, offset: number, key: (item: T) => number): number {
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
  return found;
}

/** The last item whose key is at most `offset`, or undefined when every key is greater. */
export function lastAtOrBefore<T>(list: readonly T[], offset: number, key: (item: T) => number): T | undefined {
  const found = lastIndexAtOrBefore(list, offset, key);
  return found >= 0 ? list[found] : undefined;
}

/** The key of a list of offsets (line starts). */
export const itself = (offset: number): number => offset;
