// Random configurations for property tests: lines of a given set inside sections of a given set, nested to a
// given depth, every section closed after its body.
import fc from 'fast-check';

export type Item = { line: string } | { open: number; body: Item[] };

/** Items up to `depth` levels deep: a line of `lines`, or a section opened by one of `open` with items inside. */
export function nestedItems(open: readonly string[], lines: readonly string[], depth: number): fc.Arbitrary<Item> {
  const line = fc.integer({ min: 0, max: lines.length - 1 }).map((i): Item => ({ line: lines[i] }));
  const item: fc.Memo<Item> = fc.memo((d) =>
    d <= 1 ? line : fc.oneof({ weight: 2, arbitrary: line }, { weight: 1, arbitrary: fc.record({ open: fc.integer({ min: 0, max: open.length - 1 }), body: fc.array(item(d - 1), { maxLength: 4 }) }) }),
  );
  return item(depth);
}

/** The items' lines, each section's closing tag after its body. */
export function renderItems(items: readonly Item[], open: readonly string[], out: string[] = []): string[] {
  for (const it of items) {
    if ('line' in it) out.push(it.line);
    else {
      const tag = open[it.open];
      out.push(tag);
      renderItems(it.body, open, out);
      out.push(`</${tag.slice(1).split(/[\s>]/)[0]}>`);
    }
  }
  return out;
}
