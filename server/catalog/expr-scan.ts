// Splits an httpd 2.4 expression into tokens the way its flex scanner (server/util_expr_scan.l) does: the longest
// match wins and, between matches of one length, the rule written first (`and` is an operator, `android` a name;
// `m#…#` a regular expression, `m_a` a name). Inside quotes, `%{…}` and `$1` interrupt the text, as in Apache.
// Offsets are indexes into the expression.

export type TokenKind =
  | 'true' | 'false' | 'digit' | 'id' | 'str-begin' | 'str-end' | 'string' | 'var-begin' | 'var-end'
  | 'regex' | 'backref' | 'unary' | 'binary' | 'compare' | 'match' | 'in' | 'concat' | 'or' | 'and' | 'not'
  | '(' | ')' | '{' | '}' | ',' | ':' | 'end' | 'error';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Names, numbers, string pieces as written, operator names (without '-'), a regular expression's pattern. */
  text: string;
  /** For 'string': the text with its escapes read (`\\101` is A). */
  value?: string;
  /** For 'error': what the scanner refused, in our words. */
  problem?: string;
  /** For 'error': httpd's scanner stops the whole server ("flex scanner jammed") instead of reporting a line. */
  jammed?: boolean;
}

/** Names the scanner turns into operators or constants (ssl_expr's spellings too) when written alone. */
const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['and', 'and'], ['or', 'or'], ['not', 'not'], ['true', 'true'], ['false', 'false'], ['in', 'in'],
  ['lt', 'compare'], ['le', 'compare'], ['gt', 'compare'], ['ge', 'compare'], ['ne', 'compare'], ['eq', 'compare'],
]);
/** `-eq` … are integer comparisons, `-in` the list test; any other `-name` of two or more characters is a binary test. */
const DASH_KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['in', 'in'], ['eq', 'compare'], ['ne', 'compare'], ['ge', 'compare'], ['le', 'compare'], ['gt', 'compare'], ['lt', 'compare'],
]);
/** What may follow `m` to open a regular expression. */
const REGEX_DELIMITERS = '/#$%^,;:_?|-!.\'"';
const PUNCTUATION = '(){},:';
/** Backslash escapes that stand for a control character; any other character after a backslash is itself. */
const ESCAPED: ReadonlyMap<string, string> = new Map([['n', '\n'], ['r', '\r'], ['t', '\t'], ['b', '\b'], ['f', '\f']]);

type State = 'expr' | 'str' | 'var' | 'vararg';

const isLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export class ExprScanner {
  private i = 0;
  private state: State = 'expr';
  /** Where `}` of a variable returns to: the state the variable was opened in. */
  private readonly returns: State[] = [];
  private quote = '';

  constructor(private readonly src: string) {}

  next(): Token {
    switch (this.state) {
      case 'expr':
        return this.inExpression();
      case 'var':
        return this.inVariable();
      default:
        return this.inText(this.state === 'vararg');
    }
  }

  private token(kind: TokenKind, start: number, end: number, text = ''): Token {
    this.i = end;
    return { kind, start, end, text };
  }

  private error(start: number, end: number, problem: string, jammed = false): Token {
    this.i = end;
    return { kind: 'error', start, end, text: this.src.slice(start, end), problem, jammed };
  }

  private runOf(from: number, test: (c: string | undefined) => boolean): number {
    let j = from;
    while (j < this.src.length && test(this.src[j])) j++;
    return j;
  }

  private inExpression(): Token {
    const s = this.src;
    this.i = this.runOf(this.i, (c) => c === ' ' || c === '\t' || c === '\n');
    const at = this.i;
    if (at >= s.length) return this.token('end', at, at);
    const c = s[at];
    const d = s[at + 1];
    if (c === '"' || c === "'") {
      this.quote = c;
      this.state = 'str';
      return this.token('str-begin', at, at + 1);
    }
    if (c === '%' && d === '{') return this.openVariable(at, 'expr');
    if (c === '$' && isDigit(d)) return this.token('backref', at, at + 2, d);
    if (c === '/') return this.regex(at, at + 1, '/');
    if (isLetter(c)) {
      const end = this.runOf(at + 1, isNameChar);
      // `m` and a delimiter (2 characters) beats a name only as long or shorter: `m_` opens a pattern, `m_a` is a name.
      if (c === 'm' && d !== undefined && REGEX_DELIMITERS.includes(d) && end - at <= 2) return this.regex(at, at + 2, d);
      const word = s.slice(at, end);
      return this.token(KEYWORDS.get(word) ?? 'id', at, end, word);
    }
    if (isDigit(c) || (c === '-' && isDigit(d))) {
      const end = this.runOf(at + 1, isDigit);
      return this.token('digit', at, end, s.slice(at, end));
    }
    if (c === '-' && d !== undefined && /^[A-Za-z_]$/.test(d)) {
      const end = this.runOf(at + 2, isNameChar);
      const name = s.slice(at + 1, end);
      if (name.length === 1) return this.token('unary', at, end, name);
      return this.token(DASH_KEYWORDS.get(name) ?? 'binary', at, end, name);
    }
    const two = s.slice(at, at + 2);
    if (two === '=~' || two === '!~') return this.token('match', at, at + 2, two);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') return this.token('compare', at, at + 2, two);
    if (two === '&&') return this.token('and', at, at + 2, two);
    if (two === '||') return this.token('or', at, at + 2, two);
    if (c === '=' || c === '<' || c === '>') return this.token('compare', at, at + 1, c);
    if (c === '!') return this.token('not', at, at + 1, c);
    if (c === '.') return this.token('concat', at, at + 1, c);
    if (PUNCTUATION.includes(c)) return this.token(c as TokenKind, at, at + 1, c);
    return this.error(at, at + 1, `'${c}' has no meaning here`);
  }

  /** A pattern runs to the next delimiter (no escaping it); `i` right after makes it case-blind. */
  private regex(at: number, from: number, delimiter: string): Token {
    const close = this.src.indexOf(delimiter, from);
    // Apache's scanner reaches the end without a token: the grammar then meets the end of the expression.
    if (close < 0) return this.token('end', this.src.length, this.src.length);
    const end = this.src[close + 1] === 'i' ? close + 2 : close + 1;
    return this.token('regex', at, end, this.src.slice(from, close));
  }

  private openVariable(at: number, from: State): Token {
    this.returns.push(from);
    this.state = 'var';
    return this.token('var-begin', at, at + 2);
  }

  private inVariable(): Token {
    const s = this.src;
    const at = this.i;
    const c = s[at];
    if (c === undefined || c === '\n') return this.error(at, at, 'the variable is never closed with }');
    if (isLetter(c)) {
      const end = this.runOf(at + 1, isNameChar);
      return this.token('id', at, end, s.slice(at, end));
    }
    if (c === '}') {
      this.state = this.returns.pop() ?? 'expr';
      return this.token('var-end', at, at + 1);
    }
    if (c === ':') {
      this.state = 'vararg';
      return this.token(':', at, at + 1, c);
    }
    return this.error(at, at + 1, `'${c}' cannot stand in a variable name`);
  }

  /** Quoted text, or a function's argument after `%{name:`: text pieces, escapes, `%{…}` and `$1`. */
  private inText(argument: boolean): Token {
    const s = this.src;
    const at = this.i;
    let j = at;
    let value = '';
    // The text piece is returned before whatever interrupts it, which is then read on its own.
    const piece = (): Token | undefined => (j > at ? { ...this.token('string', at, j, s.slice(at, j)), value } : undefined);
    while (j < s.length) {
      const c = s[j];
      const d = s[j + 1];
      if (c === '\n') return piece() ?? this.error(j, j + 1, argument ? 'the variable is never closed with }' : 'the string is never closed');
      if (c === '\\') {
        const bad = escapeProblem(s, j);
        if (bad) return piece() ?? this.error(j, bad.end, bad.problem, bad.jammed);
        const length = escapeLength(s, j);
        value += length > 2 || isDigit(s[j + 1]) ? String.fromCharCode(parseInt(s.slice(j + 1, j + length), 8)) : (ESCAPED.get(s[j + 1]) ?? s[j + 1]);
        j += length;
        continue;
      }
      if ((c === '$' && isDigit(d)) || (c === '%' && d === '{')) {
        const before = piece();
        if (before) return before;
        return c === '$' ? this.token('backref', j, j + 2, d) : this.openVariable(j, argument ? 'vararg' : 'str');
      }
      if (argument && c === '}') {
        const before = piece();
        if (before) return before;
        this.state = this.returns.pop() ?? 'expr';
        return this.token('var-end', j, j + 1);
      }
      if (c === '"' || c === "'") {
        // httpd's scanner has no rule for a quote inside %{name:…} and stops the server.
        if (argument) return piece() ?? this.error(j, j + 1, `a quote cannot stand in %{name:…}`, true);
        if (c === this.quote) {
          const before = piece();
          if (before) return before;
          this.state = 'expr';
          return this.token('str-end', j, j + 1);
        }
      }
      value += c;
      j++;
    }
    return piece() ?? this.error(s.length, s.length, argument ? 'the variable is never closed with }' : 'the string is never closed');
  }
}

/** Escapes httpd refuses: a digit run that is not 1–3 octal digits, an octal value above 255, `\` at the end. */
function escapeProblem(s: string, at: number): { end: number; problem: string; jammed?: boolean } | undefined {
  if (at + 1 >= s.length) return { end: at + 1, problem: 'a backslash ends the expression', jammed: true };
  let digits = at + 1;
  while (isDigit(s[digits])) digits++;
  if (digits === at + 1) return undefined;
  let octal = at + 1;
  while (octal < at + 4 && s[octal] >= '0' && s[octal] <= '7') octal++;
  if (digits > octal) return { end: digits, problem: `'${s.slice(at, digits)}' is not an escape Apache knows (\\ and one to three octal digits)` };
  if (parseInt(s.slice(at + 1, octal), 8) > 0xff) return { end: octal, problem: `'${s.slice(at, octal)}' is above \\377, the largest octal escape` };
  return undefined;
}

function escapeLength(s: string, at: number): number {
  let j = at + 1;
  while (j < at + 4 && s[j] >= '0' && s[j] <= '7') j++;
  return j > at + 1 ? j - at : 2;
}
