// mod_wsgi directives in a .htaccess file that mod_wsgi does not allow there. `apache2 -t` never reads
// .htaccess files; Apache reads them per request and answers 500 ("<Directive> not allowed here").
import type { Rule } from './types';
import { WSGI_DOCS } from './types';
import { directiveInfo } from '../catalog/directives';

/**
 * The mod_wsgi 4.x directives allowed in .htaccess (FileInfo or AuthConfig override classes), for names the
 * directive catalogue does not know.
 */
const ALLOWED_IN_HTACCESS = new Set([
  'wsgicallableobject', 'wsgipassauthorization', 'wsgiscriptreloading', 'wsgierroroverride', 'wsgichunkedrequest',
  'wsgimapheadtoget', 'wsgiignoreactivity', 'wsgitrustedproxyheaders', 'wsgitrustedproxies', 'wsgienablesendfile',
  'wsgiaccessscript', 'wsgiauthuserscript', 'wsgiauthgroupscript', 'wsgigroupauthoritative', 'wsgiuserauthoritative',
]);

export function isHtaccess(uri: string): boolean {
  return /(^|[/\\:])\.?htaccess$/i.test(uri);
}

function allowedInHtaccess(nameLower: string): boolean {
  const info = directiveInfo(nameLower);
  return info ? info.contexts.includes('htaccess') : ALLOWED_IN_HTACCESS.has(nameLower);
}

export const htaccessWsgi: Rule = {
  id: 'htaccess-wsgi',
  defaultSeverity: 'error',
  description: 'mod_wsgi directives that are not allowed in .htaccess files (every request then gets 500).',
  docUrl: `${WSGI_DOCS}WSGIScriptAlias.html`,
  perSection: true,
  requestTime: true,
  check(ctx) {
    if (!isHtaccess(ctx.uri)) return;
    for (const d of ctx.model.directives) {
      if (!d.nameLower.startsWith('wsgi') || allowedInHtaccess(d.nameLower)) continue;
      ctx.report({
        start: d.nameSpan.start,
        end: d.nameSpan.end,
        message:
          `${d.name} is not allowed in .htaccess: apache2 -t never reads .htaccess files, and at request time Apache answers ` +
          `every request under this directory with 500 ("${d.name} not allowed here"). Move it to the server or <VirtualHost> configuration.`,
      });
    }
  },
};
