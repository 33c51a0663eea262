// An alias whose URL path ends in '/' while its target does not. mod_alias (and mod_wsgi, which copies its
// matching) maps a request by appending what follows the URL path to the target as it is, so
// `Alias /static/ /srv/static` serves /static/app.css from '/srv/staticapp.css', and /static alone is not aliased;
// `WSGIScriptAlias /api/ /srv/app.wsgi` answers only /api/ itself: /api/users looks for the script
// '/srv/app.wsgiusers' (404, "Target WSGI script not found") and /api is not mounted. Both verified against a
// running Apache 2.4 with mod_wsgi. Apache accepts the line, so a warning. WSGIScriptAlias / (the whole site) is
// the one mount mod_wsgi treats apart: it works.
import type { Fix, Rule } from './types';
import { APACHE_DOCS } from './types';
import type { Node, Word } from '../syntax/ast';
import { namedDirectives } from '../model/host-index';
import { sectionInfo } from '../catalog/sections';
import { standingOf } from '../catalog/placement';

export const aliasTrailingSlash: Rule = {
  id: 'alias-trailing-slash',
  defaultSeverity: 'warning',
  fixable: true,
  description: "Alias, ScriptAlias or WSGIScriptAlias whose URL path ends in '/' but whose target does not (the rest of the URL is glued to the target).",
  docUrl: `${APACHE_DOCS}mod_alias.html#alias`,
  perSection: true,
  check(ctx) {
    for (const name of ['alias', 'scriptalias', 'wsgiscriptalias']) {
      const list = namedDirectives(ctx.model, name);
      for (let i = 0; i < list.length; i++) {
        const node = list[i];
        const url = node.args[0];
        const target = node.args[1];
        if (!url || !target || !plain(url) || !plain(target)) continue;
        if (!url.value.endsWith('/') || target.value.endsWith('/')) continue;
        const wsgi = name === 'wsgiscriptalias';
        // mod_wsgi mounts `/` as the whole site (SCRIPT_NAME '', PATH_INFO the path): nothing is glued there.
        if (wsgi && /^\/+$/.test(url.value)) continue;
        // Alias with two words inside <Location> is refused outright (invalid-argument); words of a skipped body are never read.
        if ((!wsgi && inPerDirectorySection(node)) || standingOf(node, ctx.ast).reach === 'skipped') continue;
        ctx.report({ start: url.start, end: target.end, message: message(url.value, target.value, wsgi), fixes: fixes(url, target, wsgi) });
      }
    }
  },
};

function message(url: string, target: string, wsgi: boolean): string {
  const bare = url.replace(/\/+$/, '');
  if (wsgi) {
    return (
      `The mount point ends in '/' but the script path does not: mod_wsgi glues what follows '${url}' to the script path, so ` +
      `'${url}users' looks for the script '${target}users' (404, "Target WSGI script not found"), and '${bare}' without the slash is not mounted; ` +
      `only '${url}' itself reaches the application. Mount it at '${bare}'.`
    );
  }
  return (
    `The URL path ends in '/' but the target does not: Apache appends what follows '${url}' to the target as it is, so ` +
    `'${url}app.css' is served from '${target}app.css'` +
    (bare ? `, and '${bare}' without the slash is not aliased` : '') +
    `. End the target with '/' as well${bare ? ` (or drop the slash from the URL path)` : ''}.`
  );
}

function fixes(url: Word, target: Word, wsgi: boolean): Fix[] {
  const bare = url.value.replace(/\/+$/, '');
  const dropSlash: Fix | undefined = bare
    ? { title: `Drop the trailing '/' of ${url.value}`, edits: [{ start: textEnd(url) - (url.value.length - bare.length), end: textEnd(url), newText: '' }] }
    : undefined;
  const addSlash: Fix = { title: `End the target with '/' (${target.value}/)`, edits: [{ start: textEnd(target), end: textEnd(target), newText: '/' }] };
  // WSGIScriptAlias names a script file: its mount point loses the slash. Alias keeps the usual form `/static/ …/static/`.
  if (wsgi) return dropSlash ? [{ ...dropSlash, preferred: true }] : [];
  return [{ ...addSlash, preferred: true }, ...(dropSlash ? [dropSlash] : [])];
}

/** Where a word's text ends inside its quotes (before a closing quote). */
function textEnd(w: Word): number {
  return w.quote ? w.end - 1 : w.end;
}

/** A word whose value is its text as written (no ${VAR}, escape or open quote): the edits above are exact. */
function plain(w: Word): boolean {
  if (w.unterminated || w.value.includes('${') || w.value.includes('\\')) return false;
  return w.quote ? w.raw === `${w.quote}${w.value}${w.quote}` : w.raw === w.value;
}

/** Inside a <Directory>, <Location>, <Files> … section (through any transparent ones): the one-argument form's place. */
function inPerDirectorySection(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.nameLower !== 'virtualhost' && !sectionInfo(p.nameLower)?.transparent) return true;
  return false;
}
