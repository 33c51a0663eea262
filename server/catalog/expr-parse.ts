// Reads an httpd 2.4 boolean expression (the condition of <If> and <ElseIf>) the way Apache does while it reads
// the configuration: the grammar of server/util_expr_parse.y, then every name looked up (variables, functions,
// tests), subnets of -R and -ipmatch parsed, and regular expressions compiled. Anything that fails there makes
// configtest fail ("Cannot parse condition clause: …"); the first such problem is returned, in our words.
import { ExprScanner, type Token } from './expr-scan';
import { EXPR_BINARY, EXPR_FUNCTIONS, EXPR_UNARY, EXPR_VARIABLES, MODULE_EXPR_NAMES, type ExprOperator, type ModuleExprNames } from './data/expr-names';
import { closestNames } from './names';
import { pcreCompileError } from './wsgi-regex';
import { loadedAnywhere } from './placement';
import { loadedModules } from './modules';
import type { ConfigAst } from '../syntax/ast';
import { validSubnet } from './ip-subnet';

export type ExprNameKind = 'variable' | 'function' | 'list function' | 'unary test' | 'binary test';

export interface ExprProblem {
  /** Indexes into the expression. */
  start: number;
  end: number;
  message: string;
  /** httpd's scanner stops the whole server on this input instead of reporting the line. */
  jammed?: boolean;
  /** An unknown name, and the known ones it may be a misspelling of (as they should be written). */
  name?: { kind: ExprNameKind; written: string; candidates: string[] };
}

export interface ExprEnvironment {
  /** Whether the module (LoadModule identifier) may be loaded: false only when it surely is not. */
  loads(id: string): boolean;
}

/**
 * Modules as an expression sees them: every LoadModule of the server has run before any condition is parsed, so
 * only a whole server's text that loads modules can show that one is missing (a text that loads none counts
 * Debian's modules as loaded elsewhere, as <IfModule> does).
 */
export function exprEnvironment(ast: ConfigAst, seesWholeServer: boolean): ExprEnvironment {
  const judged = seesWholeServer && loadedModules(ast).loadsAny;
  return { loads: (id) => !judged || loadedAnywhere(id, ast) };
}

/** The first problem Apache would have with `expression`, or null when it parses. */
export function checkExpression(expression: string, env: ExprEnvironment): ExprProblem | null {
  const parser = new Parser(expression, env);
  try {
    parser.parse();
  } catch (err) {
    if (err instanceof GiveUp) return null;
    if (!(err instanceof Stop)) throw err;
    // Apache reports a name it could not look up even when the grammar fails later; the earlier problem is shown.
    const named = parser.firstNameProblem;
    return named && named.start < err.problem.start ? named : err.problem;
  }
  return parser.firstNameProblem;
}

const MAX_DEPTH = 200;

/** A name looked up: known (true), from a module that is not loaded, or unknown with the names to suggest from. */
type Known = true | { module: ModuleExprNames } | readonly string[];

/** Unwinds the parser when a condition nests deeper than MAX_DEPTH parentheses. */
class GiveUp {}

/** Unwinds the parser at the first problem the grammar cannot go past. */
class Stop {
  constructor(readonly problem: ExprProblem) {}
}

/** A value as the grammar builds it: `constant` is its text when it is one quoted string without variables. */
interface Value {
  start: number;
  end: number;
  constant: string | null;
}

const VARIABLES = new Set(EXPR_VARIABLES.map((v) => v.toUpperCase()));
const FUNCTIONS = new Set(EXPR_FUNCTIONS.map((f) => f.toLowerCase()));
const UNARY = new Map(EXPR_UNARY.map((o) => [o.name, o]));
const BINARY = new Map(EXPR_BINARY.map((o) => [o.name.toLowerCase(), o]));

class Parser {
  private readonly scanner: ExprScanner;
  private t: Token;
  private depth = 0;
  firstNameProblem: ExprProblem | null = null;

  constructor(
    private readonly src: string,
    private readonly env: ExprEnvironment,
  ) {
    this.scanner = new ExprScanner(src);
    this.t = this.scanner.next();
  }

  parse(): void {
    this.condition();
    if (this.t.kind !== 'end') this.fail(`${describe(this.t)} follows a complete condition; join conditions with && or ||`);
  }

  private advance(): Token {
    const t = this.t;
    this.t = this.scanner.next();
    return t;
  }

  /** Stops at the current token: the scanner's own complaint when it refused the input, else `message`. */
  private fail(message: string): never {
    const t = this.t;
    if (t.kind === 'error') throw new Stop({ start: t.start, end: Math.max(t.end, t.start + 1), message: t.problem ?? message, jammed: t.jammed });
    throw new Stop({ start: t.start, end: t.end > t.start ? t.end : t.start, message });
  }

  private expect(kind: Token['kind'], message: string): Token {
    if (this.t.kind !== kind) this.fail(message);
    return this.advance();
  }

  private condition(): void {
    this.conjunction();
    while (this.t.kind === 'or') {
      this.advance();
      this.conjunction();
    }
  }

  private conjunction(): void {
    this.negation();
    while (this.t.kind === 'and') {
      this.advance();
      this.negation();
    }
  }

  private negation(): void {
    while (this.t.kind === 'not') this.advance();
    this.test();
  }

  private test(): void {
    const t = this.t;
    switch (t.kind) {
      case 'true':
      case 'false':
        this.advance();
        return;
      case '(':
        // Nesting deeper than any real condition is not judged (the recursion would otherwise grow with it).
        if (++this.depth > MAX_DEPTH) throw new GiveUp();
        this.advance();
        this.condition();
        this.depth--;
        this.expect(')', `${describe(this.t)} where ')' should close the '(' at ${t.start + 1}`);
        return;
      case 'unary': {
        this.advance();
        const op = this.operator(t, 'unary test', UNARY.get(t.text), EXPR_UNARY);
        const operand = this.word(`-${t.text} needs a value to test`);
        if (op?.subnetOperand) this.subnet(t, operand);
        return;
      }
    }
    if (!startsValue(t)) this.fail(`${describe(t)} where a condition should start (a comparison, a test such as -n %{VAR}, true or false)`);
    const left = this.word('');
    const op = this.t;
    switch (op.kind) {
      case 'compare':
        this.advance();
        this.word(`'${op.text}' needs a value on its right`);
        return;
      case 'in':
        this.advance();
        this.list();
        return;
      case 'match': {
        this.advance();
        const pattern = this.t;
        if (pattern.kind !== 'regex') this.fail(`'${op.text}' needs a regular expression between slashes (/…/ or m#…#), not ${describe(pattern)}`);
        this.advance();
        const why = pcreCompileError(pattern.text);
        if (why) throw new Stop({ start: pattern.start, end: pattern.end, message: `the regular expression /${pattern.text}/ does not compile (${why})` });
        return;
      }
      case 'binary': {
        this.advance();
        const known = this.operator(op, 'binary test', BINARY.get(op.text.toLowerCase()), EXPR_BINARY);
        const right = this.word(`-${op.text} needs a value on its right`);
        if (known?.subnetOperand) this.subnet(op, right);
        return;
      }
    }
    const what = this.src.slice(left.start, left.end);
    if (op.kind === 'end') this.fail(`the condition ends after the value ${quoteShort(what)}: compare it (== 'text') or test it (-n, -z …)`);
    this.fail(`${describe(op)} after the value ${quoteShort(what)}, where an operator (==, !=, =~, -in, -strmatch …) should be`);
  }

  /** word := atom ('.' atom)* */
  private word(missing: string): Value {
    const first = this.atom(missing);
    let end = first.end;
    let constant = first.constant;
    while (this.t.kind === 'concat') {
      this.advance();
      end = this.atom(`'.' needs a value on its right`).end;
      constant = null;
    }
    return { start: first.start, end, constant };
  }

  private atom(missing: string): Value {
    const t = this.t;
    switch (t.kind) {
      case 'digit':
      case 'backref':
        this.advance();
        return { start: t.start, end: t.end, constant: null };
      case 'var-begin':
        return { start: t.start, end: this.variable(), constant: null };
      case 'id': {
        this.advance();
        this.expect('(', `'${t.text}' is read as a function name (text needs quotes: '${t.text}…')`);
        this.word(`${t.text}() needs an argument`);
        const close = this.expect(')', `${describe(this.t)} where ')' should close ${t.text}(; a function takes one argument`);
        this.lookUp(t, 'function', this.functionKnown(t.text));
        return { start: t.start, end: close.end, constant: null };
      }
      case 'str-begin': {
        this.advance();
        if (this.t.kind === 'str-end') return { start: t.start, end: this.advance().end, constant: '' };
        const text = this.text('');
        const close = this.expect('str-end', 'the string is never closed');
        return { start: t.start, end: close.end, constant: text };
      }
    }
    this.fail(missing ? `${missing}, not ${describe(t)}` : `${describe(t)} where a value should be`);
  }

  /** Text pieces, variables and back-references; its text when it is one plain piece. */
  private text(missing: string): string | null {
    let count = 0;
    let plain: string | null = null;
    for (;;) {
      const t = this.t;
      if (t.kind === 'string') {
        plain = t.value ?? t.text;
        this.advance();
      } else if (t.kind === 'var-begin') {
        this.variable();
        plain = null;
      } else if (t.kind === 'backref') {
        this.advance();
        plain = null;
      } else break;
      count++;
    }
    if (count === 0) this.fail(missing || `${describe(this.t)} where text should be`);
    return count === 1 ? plain : null;
  }

  /** %{NAME} or %{function:argument}; returns where it ends. */
  private variable(): number {
    const begin = this.advance();
    const name = this.expect('id', `${describe(this.t)} after '%{' where a variable name should be`);
    if (this.t.kind === 'var-end') {
      this.lookUp(name, 'variable', this.variableKnown(name.text));
      return this.advance().end;
    }
    if (this.t.kind !== ':') this.fail(`the variable %{${name.text} is never closed with '}'`);
    this.advance();
    this.text(`%{${name.text}:} needs an argument after ':'`);
    const end = this.expect('var-end', `the variable at ${begin.start + 1} is never closed with '}'`).end;
    this.lookUp(name, 'function', this.functionKnown(name.text));
    return end;
  }

  /** After -in: { value, … } or a function returning a list. */
  private list(): void {
    const t = this.t;
    if (t.kind === '{') {
      this.advance();
      this.word(`'{' needs at least one value`);
      while (this.t.kind === ',') {
        this.advance();
        this.word(`',' needs a value after it`);
      }
      this.expect('}', `${describe(this.t)} where '}' should close the list`);
      return;
    }
    if (t.kind === 'id') {
      this.advance();
      this.expect('(', `-in needs a list: { 'a', 'b' } or a list function, not the name '${t.text}'`);
      this.word(`${t.text}() needs an argument`);
      this.expect(')', `${describe(this.t)} where ')' should close ${t.text}(`);
      if (FUNCTIONS.has(t.text.toLowerCase()) && !this.firstNameProblem) {
        this.firstNameProblem = { start: t.start, end: t.end, message: `${t.text}() returns a string, not a list: -in takes { 'a', 'b' } (or a list function such as mod_ssl's PeerExtList())` };
      } else this.lookUp(t, 'list function', this.listFunctionKnown(t.text));
      return;
    }
    this.fail(`-in needs a list ({ 'a', 'b' } or a list function), not ${describe(t)}`);
  }

  private operator(t: Token, kind: ExprNameKind, known: ExprOperator | undefined, table: readonly ExprOperator[]): ExprOperator | undefined {
    this.lookUp(t, kind, known ? true : table.map((o) => o.name));
    return known;
  }

  /** -R and -ipmatch parse their subnet while Apache reads the configuration. */
  private subnet(op: Token, operand: Value): void {
    if (operand.constant === null) {
      throw new Stop({ start: operand.start, end: operand.end, message: `-${op.text} needs its subnet as one quoted string without variables ('10.0.0.0/8'), which Apache parses while reading` });
    }
    // APR reads the string as C does: up to its first NUL (`\0` or `\x00` in the expression).
    const nul = operand.constant.indexOf('\0');
    if (!validSubnet(nul < 0 ? operand.constant : operand.constant.slice(0, nul))) {
      throw new Stop({ start: operand.start, end: operand.end, message: `'${operand.constant}' is not an address or subnet -${op.text} can parse (10.1.0.0/16, 10.1, 10.1.0.0/255.255.0.0, 2001:db8::/32)` });
    }
  }

  /** Records a name Apache cannot look up (the grammar goes on past it, as Apache's does). */
  private lookUp(t: Token, kind: ExprNameKind, known: Known): void {
    if (known === true || this.firstNameProblem) return;
    const written = t.kind === 'unary' || t.kind === 'binary' ? `-${t.text}` : t.text;
    if ('module' in known) {
      this.firstNameProblem = { start: t.start, end: t.end, message: `the ${kind} ${written} comes from ${known.module.module}, which this server does not load (LoadModule ${known.module.id} …)` };
      return;
    }
    // Unary tests differ by case alone (-d, -D does not exist): a candidate may equal the name but for case.
    const exact = known.filter((k) => k !== t.text && k.toLowerCase() === t.text.toLowerCase());
    const candidates = [...exact, ...closestNames(t.text, known)].filter((c, i, all) => all.indexOf(c) === i).slice(0, 3);
    const spell = (c: string) => (written.startsWith('-') ? `-${c}` : kind === 'variable' ? `%{${c}}` : `${c}()`);
    const hint = candidates.length ? `; did you mean ${candidates.map(spell).join(' or ')}?` : kind === 'variable' ? `; a request header is read with %{HTTP:Name} or req('Name')` : '';
    this.firstNameProblem = { start: t.start, end: t.end, message: `Apache has no ${kind} ${kind === 'variable' ? `%{${t.text}}` : written}${hint}`, name: { kind, written: t.text, candidates } };
  }

  private variableKnown(name: string): Known {
    if (VARIABLES.has(name.toUpperCase())) return true;
    const module = MODULE_EXPR_NAMES.find((m) => name.toUpperCase().startsWith(m.variablePrefix));
    return module ? this.fromModule(module) : EXPR_VARIABLES;
  }

  private functionKnown(name: string): Known {
    if (FUNCTIONS.has(name.toLowerCase())) return true;
    const module = MODULE_EXPR_NAMES.find((m) => m.functions.some((f) => f.toLowerCase() === name.toLowerCase()));
    return module ? this.fromModule(module) : EXPR_FUNCTIONS;
  }

  private listFunctionKnown(name: string): Known {
    const module = MODULE_EXPR_NAMES.find((m) => m.listFunctions.some((f) => f.toLowerCase() === name.toLowerCase()));
    return module ? this.fromModule(module) : MODULE_EXPR_NAMES.flatMap((m) => m.listFunctions);
  }

  private fromModule(module: ModuleExprNames): Known {
    return this.env.loads(module.id) ? true : { module };
  }
}

function startsValue(t: Token): boolean {
  return t.kind === 'digit' || t.kind === 'backref' || t.kind === 'var-begin' || t.kind === 'id' || t.kind === 'str-begin';
}

function quoteShort(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** A token as the messages name it. */
function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'the end of the condition';
    case 'str-begin':
    case 'string':
      return 'a quoted string';
    case 'str-end':
      return 'the closing quote';
    case 'id':
      return `the bare word '${t.text}'`;
    case 'digit':
      return `the number ${t.text}`;
    case 'var-begin':
      return 'a variable';
    case 'var-end':
      return `'}'`;
    case 'regex':
      return 'a regular expression';
    case 'backref':
      return `$${t.text}`;
    case 'unary':
    case 'binary':
      return `the test -${t.text}`;
    case 'error':
      return `'${t.text}'`;
    default:
      return `'${t.text || t.kind}'`;
  }
}
