// Source text with a cursor marked ‸ and optionally one expected range marked «like this»; markers removed.
import { analyzeText, type Analysis } from '../../server/service';

export interface AtCursor {
  text: string;
  offset: number;
  span: { start: number; end: number } | null;
  analysis: Analysis;
  position: { line: number; character: number };
}

export function atCursor(source: string, uri = 'file:///ws/site.conf'): AtCursor {
  let text = '';
  let offset = -1;
  let open = -1;
  let span: AtCursor['span'] = null;
  for (const ch of source) {
    if (ch === '‸') offset = text.length;
    else if (ch === '«') open = text.length;
    else if (ch === '»') span = { start: open, end: text.length };
    else text += ch;
  }
  if (offset < 0) throw new Error(`no ‸ cursor in ${JSON.stringify(source)}`);
  const analysis = analyzeText(uri, text);
  return { text, offset, span, analysis, position: analysis.lines.positionAt(offset) };
}
