// Tokenizes text with the shipped TextMate grammar through vscode-textmate + vscode-oniguruma (the engine VS Code
// uses), and renders tokens in vscode-tmgrammar-snap's .snap format so that tool and these tests share snapshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tm from 'vscode-textmate';
import * as onig from 'vscode-oniguruma';

export const ROOT = path.resolve(__dirname, '../../..');
export const GRAMMAR_PATH = path.join(ROOT, 'syntaxes/apacheconf.tmLanguage.json');
export const SCOPE = 'source.apacheconf';

export interface LineTokens {
  src: string;
  tokens: Array<{ startIndex: number; endIndex: number; scopes: string[] }>;
}

let grammarPromise: Promise<tm.IGrammar> | undefined;

export function loadGrammar(): Promise<tm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
        createOnigString: (s: string) => new onig.OnigString(s),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === SCOPE ? tm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar(SCOPE);
    if (!grammar) throw new Error(`cannot load ${SCOPE} from ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return grammarPromise;
}

/** Tokenizes line by line, carrying the rule stack across lines as the editor does. */
export async function tokenize(text: string): Promise<LineTokens[]> {
  const grammar = await loadGrammar();
  let stack: tm.StackElement = tm.INITIAL;
  return text.split(/\r\n|\n/).map((src) => {
    // A time limit of 0 means none: a slow regex must fail the test by hanging the suite, not by truncating.
    const r = grammar.tokenizeLine(src, stack);
    if (r.stoppedEarly) throw new Error(`tokenization stopped early on ${JSON.stringify(src)}`);
    stack = r.ruleStack;
    return { src, tokens: r.tokens.map((t) => ({ startIndex: t.startIndex, endIndex: t.endIndex, scopes: t.scopes })) };
  });
}

/** Same text as vscode-tmgrammar-snap's renderSnap (0.1.3): `>line`, then one `#   ^^^ scopes` row per token. */
export function renderSnap(lines: LineTokens[]): string {
  const out: string[] = [];
  for (const line of lines) {
    out.push('>' + line.src);
    if (line.src.trim().length === 0) continue;
    for (const t of line.tokens) {
      out.push('#' + ' '.repeat(t.startIndex) + '^'.repeat(t.endIndex - t.startIndex) + ' ' + t.scopes.join(' '));
    }
  }
  return out.join('\n');
}
