// An Alias into a directory nothing grants access to: Apache 2.4 denies the filesystem by default (Debian's
// apache2.conf has `<Directory /> Require all denied`, and grants only /var/www and /usr/share), so a Django
// `Alias /static/ /srv/site/static/` without a <Directory> for it answers 403 ("client denied by server
// configuration"). The same question wsgi-script-access asks of WSGI scripts, asked of the alias's directory (or,
// for an alias of one file such as /favicon.ico, of that file).
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import type { DirectiveNode, SectionNode, Word } from '../syntax/ast';
import { enclosingVirtualHost, type ScriptAlias } from '../model/model';
import { hasGrantFor } from '../model/access';
import { namedDirectives } from '../model/host-index';
import { basenameOfNormal, dirnameOfNormal, isDynamic, normalizePath } from '../model/paths';
import { standingOf } from '../catalog/placement';
import { directoryMayFollow, literalPath, shareGrantBlocks, type Ungranted } from './grant-block';

const NO_OPTIONS: ReadonlyMap<string, Word> = new Map();

export const aliasAccess: Rule = {
  id: 'alias-access',
  defaultSeverity: 'information',
  fixable: true,
  description: "No <Directory>/<Files>/<Location> section grants access to an Alias's directory (403 client denied).",
  docUrl: `${APACHE_DOCS}mod_alias.html#alias`,
  // What it reads besides sections (an edit of a section's tag makes every joining rule run): the aliases and the
  // grants, as wsgi-script-access.
  inputs: ['alias', 'require', 'allow'],
  check(ctx) {
    const where = ctx.seesWholeServer ? 'the server configuration' : 'this file';
    const missing: Ungranted[] = [];
    const aliases = namedDirectives(ctx.model, 'alias');
    for (let i = 0; i < aliases.length; i++) {
      const node = aliases[i];
      // Two words only stand at top level or in a <VirtualHost> (inside <Location> Apache refuses them).
      const seen = directoryMayFollow(node) ? asScriptAlias(node) : undefined;
      if (!seen || standingOf(node, ctx.ast).reach === 'skipped' || hasGrantFor(ctx.model, seen.alias)) continue;
      missing.push(seen);
    }
    // A <Directory> for that very path already stands in the host (and denies): another one below the alias would
    // lose to it when the sections merge, so the finding offers no block there; that section is the one to change.
    const written = missing.length ? directorySections(ctx.model.sections) : undefined;
    for (const m of missing) if (m.fixable && written!.get(m.alias.vhost)?.has(m.dir)) m.fixable = false;
    shareGrantBlocks(ctx.text, missing, true);
    for (let k = 0; k < missing.length; k++) {
      const { alias, dir, file, fix } = missing[k];
      ctx.report({
        start: alias.target!.start,
        end: alias.target!.end,
        // Kept short: a big generated file has one per host, held until the next edit.
        message: `Nothing in ${where} grants access to ${file ? `'${file}' in ` : ''}'${dir}', so ${alias.url!.value} gets 403 (Apache 2.4 denies the filesystem unless a <Directory> grants it).`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/**
 * The alias in the shape the access model reads (a URL, a target and where its files are), or undefined when it is
 * not the two-word form or its target is not a plain absolute path. A URL whose last part has a dot (`/favicon.ico`,
 * `/robots.txt`) with a target not ending in '/' aliases one file; any other target is a directory.
 */
function asScriptAlias(node: DirectiveNode): Ungranted | undefined {
  const [url, target] = node.args;
  if (!url || !target || node.args.length !== 2 || target.unterminated) return undefined;
  const t = target.value;
  if (!t.startsWith('/') || isDynamic(t) || isDynamic(url.value)) return undefined;
  const n = normalizePath(t);
  const oneFile = !t.endsWith('/') && !url.value.endsWith('/') && /\.[^/]*$/.test(url.value);
  const dir = oneFile ? dirnameOfNormal(n) : n;
  const file = oneFile ? basenameOfNormal(n) : undefined;
  const alias: ScriptAlias = { node, match: false, url, target, options: NO_OPTIONS, vhost: enclosingVirtualHost(node), location: { dir, file } };
  return { alias, dir, file, fixable: literalPath(dir) && (!file || literalPath(file)) };
}

/** The paths of the <Directory> sections of each host (null: the main server), normalized. */
function directorySections(sections: readonly SectionNode[]): Map<SectionNode | null, Set<string>> {
  const out = new Map<SectionNode | null, Set<string>>();
  for (const s of sections) {
    const arg = s.nameLower === 'directory' && s.args.length === 1 ? s.args[0].value : undefined;
    if (!arg || arg === '~') continue;
    const host = enclosingVirtualHost(s);
    let paths = out.get(host);
    if (!paths) out.set(host, (paths = new Set()));
    paths.add(normalizePath(arg));
  }
  return out;
}
