// Expands a VS Code snippet body the way the editor inserts it when the user accepts every default: a placeholder
// gives its default text, a choice its first option, a bare `$n` mirrors tabstop n, `$0` is empty. Stricter than
// the editor on purpose: variables, unbalanced `${` and one tabstop with two different defaults are errors here.

type Part = string | { index: number; kind: 'tabstop' } | { index: number; kind: 'placeholder'; body: Part[] } | { index: number; kind: 'choice'; options: string[] };

export interface ParsedSnippet {
  parts: Part[];
  /** Tabstop indexes in order of first appearance (0 excluded). */
  tabstops: number[];
  /** Indexes that offer a choice. */
  choices: number[];
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Part[] {
    const parts = this.parts(false);
    if (this.i < this.s.length) throw new Error(`unexpected '}' at ${this.i} in ${JSON.stringify(this.s)}`);
    return parts;
  }

  /** Text and markers up to the end, or up to the `}` closing the placeholder we are in. */
  private parts(inPlaceholder: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && '$}\\'.includes(this.s[this.i + 1] ?? '')) {
        text += this.s[this.i + 1];
        this.i += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const m = /^\$(\d+)/.exec(this.s.slice(this.i)) ?? /^\$\{(\d+)\}/.exec(this.s.slice(this.i));
        if (m) {
          flush();
          out.push({ index: Number(m[1]), kind: 'tabstop' });
          this.i += m[0].length;
        } else if (/^\$\{\d+[:|]/.test(this.s.slice(this.i))) {
          flush();
          out.push(this.complex());
        } else if (/^\$\{?[_a-zA-Z]/.test(this.s.slice(this.i))) {
          throw new Error(`snippet variables are not used in our snippets (at ${this.i} in ${JSON.stringify(this.s)})`);
        } else {
          text += c;
          this.i++;
        }
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  private complex(): Part {
    const m = /^\$\{(\d+)([:|])/.exec(this.s.slice(this.i))!;
    const index = Number(m[1]);
    this.i += m[0].length;
    if (m[2] === ':') {
      const body = this.parts(true);
      if (this.s[this.i] !== '}') throw new Error(`unclosed placeholder \${${index}: in ${JSON.stringify(this.s)}`);
      this.i++;
      return { index, kind: 'placeholder', body };
    }
    const options: string[] = [];
    let cur = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Error(`unclosed choice \${${index}| in ${JSON.stringify(this.s)}`);
      if (c === '\\' && ',|\\$}'.includes(this.s[this.i + 1] ?? '')) {
        cur += this.s[this.i + 1];
        this.i += 2;
      } else if (c === ',') {
        options.push(cur);
        cur = '';
        this.i++;
      } else if (c === '|' && this.s[this.i + 1] === '}') {
        options.push(cur);
        this.i += 2;
        return { index, kind: 'choice', options };
      } else {
        cur += c;
        this.i++;
      }
    }
  }
}

export function parseSnippet(body: string | string[]): ParsedSnippet {
  const parts = new Parser(Array.isArray(body) ? body.join('\n') : body).parse();
  const tabstops: number[] = [];
  const choices: number[] = [];
  const walk = (ps: Part[]) => {
    for (const p of ps) {
      if (typeof p === 'string') continue;
      if (p.index !== 0 && !tabstops.includes(p.index)) tabstops.push(p.index);
      if (p.kind === 'choice' && !choices.includes(p.index)) choices.push(p.index);
      if (p.kind === 'placeholder') walk(p.body);
    }
  };
  walk(parts);
  return { parts, tabstops, choices };
}

/** The inserted text when every default is accepted; `values` overrides what the user would type at a tabstop. */
export function expandSnippet(body: string | string[], values: Record<number, string> = {}): string {
  const { parts } = parseSnippet(body);
  const defaults = new Map<number, Part[] | string>();
  const collect = (ps: Part[]) => {
    for (const p of ps) {
      if (typeof p === 'string' || p.kind === 'tabstop') continue;
      const value = p.kind === 'choice' ? p.options[0] : p.body;
      const prev = defaults.get(p.index);
      if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(value)) throw new Error(`tabstop ${p.index} has two different defaults`);
      defaults.set(p.index, value);
      if (p.kind === 'placeholder') collect(p.body);
    }
  };
  collect(parts);
  const valueOf = (index: number, depth: number): string => {
    if (index === 0) return '';
    if (index in values) return values[index];
    const d = defaults.get(index);
    if (d === undefined) return '';
    return typeof d === 'string' ? d : render(d, depth + 1);
  };
  const render = (ps: Part[], depth: number): string => {
    if (depth > 20) throw new Error('placeholders refer to each other in a cycle');
    return ps.map((p) => (typeof p === 'string' ? p : valueOf(p.index, depth))).join('');
  };
  return render(parts, 0);
}
