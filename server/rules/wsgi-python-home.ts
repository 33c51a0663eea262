// python-home / WSGIPythonHome must name the virtualenv's root (what `sys.prefix` prints inside it), not its
// lib/pythonX.Y, site-packages or bin/python; and a venv's site-packages on python-path is half a venv (the
// standard library still comes from elsewhere): python-home is the way to use it.
// https://modwsgi.readthedocs.io/en/master/user-guides/virtual-environments.html
import type { Word } from '../syntax/ast';
import type { Fix, Rule, TextEditSpan } from './types';
import { WSGI_DOCS } from './types';
import { configWordQuoted, removalOf } from '../model/edits';

/** The venv root of a path inside a venv (`…/lib/python3.11/site-packages`, `…/bin/python3`), else undefined. */
export function venvRoot(path: string): string | undefined {
  const m = /^(.+?)\/(?:lib(?:64)?\/python\d(?:\.\d+)?(?:\/site-packages)?|bin(?:\/python[\d.]*)?)\/?$/.exec(path);
  return m?.[1];
}

/** Replaces the value part of a word (`python-home=…` or a plain argument), keeping its quotes; null when it cannot be written. */
function replaceValue(w: Word, value: string): TextEditSpan | null {
  const start = w.key !== null ? w.valueStart : w.start;
  const newText = configWordQuoted(value, w.quote);
  return newText === null ? null : { start, end: w.end, newText };
}

export const wsgiPythonHome: Rule = {
  id: 'wsgi-python-home',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'python-home/WSGIPythonHome pointing inside a virtualenv, or a venv site-packages on python-path.',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  perSection: true,
  check(ctx) {
    const report = (w: Word, message: string, fix?: Fix) =>
      ctx.report({ start: w.key !== null ? w.valueStart : w.start, end: w.end, message, fixes: fix ? [fix] : [] });
    // Indexed: the allocation profile showed an iterator result per directive here.
    const directives = ctx.model.directives;
    for (let i = 0; i < directives.length; i++) {
      const d = directives[i];
      const home = d.nameLower === 'wsgipythonhome' ? d.args[0] : d.nameLower === 'wsgidaemonprocess' ? d.args.find((w) => w.key === 'python-home') : undefined;
      const value = home && (home.key !== null ? home.optionValue : home.value);
      const root = value ? venvRoot(value) : undefined;
      if (home && value && root) {
        const edit = replaceValue(home, root);
        report(home, `'${value}' is inside the virtualenv; python-home must be its root ('${root}', what sys.prefix shows in the venv), or Python cannot find its standard library and the process fails to start.`, edit ? {
          title: `Use the virtualenv root '${root}'`,
          edits: [edit],
        } : undefined);
      }
      const path = d.nameLower === 'wsgidaemonprocess' ? d.args.find((w) => w.key === 'python-path') : undefined;
      // An entry the test below accepts ends in `/site-packages`: without that text there is nothing to split.
      if (!path || !path.optionValue.includes('/site-packages')) continue;
      const entries = path.optionValue.split(':');
      const venvEntry = entries.find((e) => /\/site-packages\/?$/.test(e) && venvRoot(e));
      if (!venvEntry) continue;
      const venv = venvRoot(venvEntry)!;
      const rest = entries.filter((e) => e !== venvEntry);
      const kept = rest.length ? replaceValue(path, rest.join(':')) : removalOf(ctx.text, path.start, path.end);
      const homeWord = configWordQuoted(venv, null);
      const edits: TextEditSpan[] = kept ? [kept] : [];
      if (!home && homeWord !== null) edits.push({ start: d.args[0].end, end: d.args[0].end, newText: ` python-home=${homeWord}` });
      const fixable = kept !== null && homeWord !== null && (!home || value === venv);
      report(path, `python-path has the virtualenv's site-packages '${venvEntry}': the app then mixes that venv's packages with another Python's standard library. Use python-home=${venv} instead.`, fixable ? { title: `Use python-home=${venv}`, edits } : undefined);
    }
  },
};
