// Where a response iterable gets iterated: a `for` loop, `yield from`, a comprehension, `b''.join(…)`, `list(…)` …
// (eager: done before the statement ends) or a generator expression / map() that is handed on (lazy: iterated
// later, by whoever receives it).
import { argsOf, calleeName, kid, same, type PythonSource, type SyntaxNode } from './syntax';

export interface Consumer {
  /** The node that iterates: ForStatement, YieldStatement, an eager call or comprehension, or the outermost lazy expression. */
  site: SyntaxNode;
  lazy: boolean;
  /** Generator expressions and map()/filter() calls the data passes through on the way to the site. */
  chain: SyntaxNode[];
}

/** Calls that iterate their first argument to the end before returning. */
const EAGER_CALLS = new Set(['join', 'list', 'tuple', 'set', 'frozenset', 'sorted']);
const EAGER_COMPREHENSIONS = new Set(['ArrayComprehensionExpression', 'SetComprehensionExpression', 'DictionaryComprehensionExpression']);

const afterIn = (n: SyntaxNode) => n.prevSibling?.name === 'in';

/** How `node` (a response, or a variable holding one) is iterated, or null when it is not iterated here. */
export function consumerOf(src: PythonSource, node: SyntaxNode): Consumer | null {
  const chain: SyntaxNode[] = [];
  let cur = node;
  for (;;) {
    const p = cur.parent;
    if (!p) return null;
    if (p.name === 'ParenthesizedExpression') {
      cur = p;
      continue;
    }
    if (p.name === 'ForStatement' && afterIn(cur)) return { site: p, lazy: false, chain };
    if ((p.name === 'YieldStatement' || p.name === 'YieldExpression') && kid(p, 'from')) return { site: p, lazy: false, chain };
    if (EAGER_COMPREHENSIONS.has(p.name) && afterIn(cur)) return { site: p, lazy: false, chain };
    if (p.name === 'ComprehensionExpression' && afterIn(cur)) {
      chain.push(p);
      cur = p;
      continue;
    }
    if (p.name === 'ArgList' && p.parent?.name === 'CallExpression') {
      const call = p.parent;
      const name = calleeName(src, call);
      const eager = name !== null && EAGER_CALLS.has(name) && (name !== 'join' || call.firstChild?.name === 'MemberExpression');
      if (kid(p, 'for')) {
        // `f(x for x in response)`: a bare generator expression as the only argument.
        if (!afterIn(cur)) return null;
        chain.push(p);
        return eager ? { site: call, lazy: false, chain } : null;
      }
      const args = argsOf(src, call) ?? [];
      const index = args.findIndex((a) => same(a.node, cur));
      if (index < 0) return null;
      if (name === 'iter' && index === 0 && args.length === 1) {
        cur = call;
        continue;
      }
      if ((name === 'map' && index >= 1) || (name === 'filter' && index === 1)) {
        chain.push(call);
        cur = call;
        continue;
      }
      if (eager && index === 0) return { site: call, lazy: false, chain };
      return null;
    }
    return chain.length ? { site: cur, lazy: true, chain } : null;
  }
}
