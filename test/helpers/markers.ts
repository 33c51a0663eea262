// Source text with «marked» ranges: the markers are removed and the ranges returned as document offsets.

export interface Marked {
  text: string;
  spans: Array<{ start: number; end: number }>;
}

export function marked(source: string): Marked {
  let text = '';
  const spans: Marked['spans'] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '«') open.push(text.length);
    else if (ch === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error(`unbalanced » in ${JSON.stringify(source)}`);
      spans.push({ start, end: text.length });
    } else text += ch;
  }
  if (open.length) throw new Error(`unbalanced « in ${JSON.stringify(source)}`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, spans };
}
