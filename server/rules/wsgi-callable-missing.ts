// The script exists but binds no `application` (or the callable-object= / WSGICallableObject name) at module
// level: mod_wsgi runs it, finds nothing to call and logs "Target WSGI script … does not contain WSGI
// application" (404 embedded, 500 in daemon mode). A `from … import *` may bring the name in, and a file the
// parser cannot fully read may hide it: both stay silent.
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { aliasScripts, callableName } from '../workspace/scripts-alias';
import { callableStatus, moduleBindings } from '../python/scope';
import { setAliasOption } from '../workspace/scripts-edits';

/** Names WSGI frameworks' docs use for the application object (Flask, Bottle, Falcon, Pyramid …). */
const USUAL_NAMES = ['application', 'app', 'wsgi_app', 'api'];

export const wsgiCallableMissing: Rule = {
  id: 'wsgi-callable-missing',
  defaultSeverity: 'error',
  fixable: true,
  description: 'The WSGI script defines no `application` (or the name callable-object= / WSGICallableObject gives).',
  docUrl: `${WSGI_DOCS}WSGICallableObject.html`,
  requestTime: true,
  check(ctx) {
    for (const { alias, resolution: r } of aliasScripts(ctx).values()) {
      if (r.kind !== 'found' || !alias.target) continue;
      const name = callableName(ctx.model, alias);
      const script = name ? ctx.scripts?.python(r.file) : undefined;
      if (!name || !script || script.source.errors.length > 0) continue;
      if (callableStatus(script.source, name).status !== 'missing') continue;
      const bound = new Set(moduleBindings(script.source).map((b) => b.name));
      const others = USUAL_NAMES.filter((n) => n !== name && bound.has(n));
      const fixes: Fix[] = others.map((n) => ({
        title: `Call '${n}' (callable-object=${n})`,
        preferred: others.length === 1,
        edits: [setAliasOption(alias, 'callable-object', n)],
      }));
      ctx.report({
        start: alias.target.start,
        end: alias.target.end,
        message:
          `The WSGI script ${r.file} defines no '${name}' at module level, so mod_wsgi finds nothing to call ` +
          `("does not contain WSGI application '${name}'", 404 or 500 on every request).` +
          (others.length ? ` It defines ${others.map((n) => `'${n}'`).join(', ')}: name that with callable-object=.` : ` Define '${name}' in the script.`),
        fixes,
      });
    }
  },
};
