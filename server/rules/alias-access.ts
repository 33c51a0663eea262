// An Alias into a directory nothing grants access to: Apache 2.4 denies the filesystem by default (Debian's
// apache2.conf has `<Directory /> Require all denied`, and grants only /var/www and /usr/share), so a Django
// `Alias /static/ /srv/site/static/` without a <Directory> for it answers 403 ("client denied by server
// configuration"). The same question wsgi-script-access asks of WSGI scripts, asked of the alias's directory (or,
// for an alias of one file such as /favicon.ico, of that file).
import type { Fix, Rule } from './types';
import { APACHE_DOCS } from './types';
import type { DirectiveNode, SectionNode, Word } from '../syntax/ast';
import { enclosingVirtualHost, type ScriptAlias } from '../model/model';
import { hasGrantFor } from '../model/access';
import { namedDirectives } from '../model/host-index';
import { basenameOfNormal, dirnameOfNormal, isDynamic, normalizePath } from '../model/paths';
import { standingOf } from '../catalog/placement';
import { directoryMayFollow, grantBlockFix, literalPath } from './grant-block';

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
    const missing: Array<{ seen: Seen; fixable: boolean }> = [];
    const aliases = namedDirectives(ctx.model, 'alias');
    for (let i = 0; i < aliases.length; i++) {
      const node = aliases[i];
      // Two words only stand at top level or in a <VirtualHost> (inside <Location> Apache refuses them).
      const seen = directoryMayFollow(node) ? asScriptAlias(node) : undefined;
      if (!seen || standingOf(node, ctx.ast).reach === 'skipped' || hasGrantFor(ctx.model, seen.alias)) continue;
      missing.push({ seen, fixable: literalPath(seen.dir) && (!seen.file || literalPath(seen.file)) });
    }
    // One block per host and directory, below the last of its aliases, offered by each of them: one fix grants all.
    // A <Directory> for that very path already stands in the host (and denies): another one below the alias would
    // lose to it when the sections merge, so the finding offers no block there; that section is the one to change.
    const written = missing.length ? directorySections(ctx.model.sections) : undefined;
    // By host, then by directory: no key string is built per finding (a big file has one per host).
    const byHost = new Map<SectionNode | null, Map<string, Seen[]>>();
    for (const m of missing) {
      if (!m.fixable || written!.get(m.seen.alias.vhost)?.has(m.seen.dir)) continue;
      let dirs = byHost.get(m.seen.alias.vhost);
      if (!dirs) byHost.set(m.seen.alias.vhost, (dirs = new Map()));
      const group = dirs.get(m.seen.dir);
      if (group) group.push(m.seen);
      else dirs.set(m.seen.dir, [m.seen]);
    }
    for (const dirs of byHost.values()) {
      for (const group of dirs.values()) {
        const files = group.length === 1 ? (group[0].file ? [group[0].file] : []) : group.some((g) => !g.file) ? [] : [...new Set(group.map((g) => g.file!))];
        const fix = grantBlockFix(ctx.text, group[0].dir, files, group[group.length - 1].alias.node, true);
        for (const g of group) g.fix = fix;
      }
    }
    for (let k = 0; k < missing.length; k++) {
      const { alias, dir, file, fix } = missing[k].seen;
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

interface Seen {
  alias: ScriptAlias;
  dir: string;
  file: string | undefined;
  /** The block offered, shared by the findings of one host and directory. */
  fix?: Fix;
}

/**
 * The alias in the shape the access model reads (a URL, a target and where its files are), or undefined when it is
 * not the two-word form or its target is not a plain absolute path. A URL whose last part has a dot (`/favicon.ico`,
 * `/robots.txt`) with a target not ending in '/' aliases one file; any other target is a directory.
 */
function asScriptAlias(node: DirectiveNode): Seen | undefined {
  const [url, target] = node.args;
  if (!url || !target || node.args.length !== 2 || target.unterminated) return undefined;
  const t = target.value;
  if (!t.startsWith('/') || isDynamic(t) || isDynamic(url.value)) return undefined;
  const n = normalizePath(t);
  const oneFile = !t.endsWith('/') && !url.value.endsWith('/') && /\.[^/]*$/.test(url.value);
  const dir = oneFile ? dirnameOfNormal(n) : n;
  const file = oneFile ? basenameOfNormal(n) : undefined;
  const alias: ScriptAlias = { node, match: false, url, target, options: NO_OPTIONS, vhost: enclosingVirtualHost(node), location: { dir, file } };
  return { alias, dir, file };
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
