// A value mod_wsgi refuses for one of its own directives: On/Off flags ("WSGIRestrictEmbedded true"),
// WSGIMapHEADToGET, WSGIPythonHashSeed, WSGIAcceptMutex and the addresses of WSGITrustedProxies.
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { acceptsDirectiveValue, wsgiDirectiveValue } from '../catalog/wsgi-directive-values';
import { intendedFlag } from '../catalog/wsgi-values';
import { definesAt, reachOf } from '../catalog/wsgi-reach';
import { environmentOf, substitute } from '../model/variables';
import { reportRejected } from '../catalog/wsgi-scan';

export const wsgiDirectiveValueRule: Rule = {
  id: 'wsgi-directive-value',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A value mod_wsgi rejects for WSGIRestrictEmbedded, WSGIPassAuthorization and its other flags, WSGIPythonHashSeed, WSGIAcceptMutex or WSGITrustedProxies.',
  docUrl: `${WSGI_DOCS}WSGIPythonHashSeed.html`,
  perSection: true,
  check(ctx) {
    // Indexed: the allocation profile showed an iterator result per directive here.
    const directives = ctx.model.directives;
    for (let i = 0; i < directives.length; i++) {
      const node = directives[i];
      const spec = wsgiDirectiveValue(node.nameLower);
      // A wrong number of words is argument-count's finding (only WSGITrustedProxies takes several).
      if (!spec || (spec.kind !== 'proxy-ips' && node.args.length !== 1)) continue;
      const vars = definesAt(ctx.ast, node.start, ctx.seesWholeServer);
      const reach = reachOf(node, vars, ctx.seesWholeServer);
      if (reach.reach === 'skipped') continue;
      for (const word of node.args) {
        const sub = substitute(word.value, { defined: vars, environment: environmentOf(ctx.ast) });
        const value = sub.text;
        if (sub.unresolved.length > 0 || acceptsDirectiveValue(spec.kind, value)) continue;
        // Fixes rewrite the word as written: only where it holds no variable.
        const plain = value === word.value;
        const flag = spec.kind.startsWith('on-off') ? intendedFlag(value) : undefined;
        const lower = spec.kind === 'proxy-ips' && acceptsDirectiveValue(spec.kind, value.toLowerCase()) ? value.toLowerCase() : undefined;
        const fix = plain ? flag ?? lower : undefined;
        reportRejected(ctx, { reach }, {
          start: word.start,
          end: word.end,
          message: `${node.name} does not accept '${value}': mod_wsgi takes ${spec.accepts} and rejects the line.`,
          fixes: fix ? [{ title: `Write ${fix}`, preferred: true, edits: [{ start: word.start, end: word.end, newText: fix }] }] : [],
        });
      }
    }
  },
};
