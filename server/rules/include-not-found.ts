// An Include whose target is missing stops Apache at start-up; IncludeOptional is allowed to match nothing. Apache
// reads an Include only where it reads the lines around it: inside a condition section it skips (`<IfModule
// !mod_dav.c>` with mod_dav loaded, as Debian's dav_svn.load has it) a missing target is no error, and inside one it
// may skip (`<IfFile>`, a module we cannot tell is loaded) it is one only if Apache reads that section.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { namedDirectivesAmong } from '../model/host-index';
import { standingOf } from '../catalog/placement';
import { lastAtOrBefore } from '../syntax/search';

export const includeNotFound: Rule = {
  id: 'include-not-found',
  defaultSeverity: 'error',
  description: 'Include names a file, directory or wildcard that matches nothing (Apache refuses to start).',
  docUrl: `${APACHE_DOCS}core.html#include`,
  check(ctx) {
    const problems = ctx.includeProblems ?? [];
    if (!problems.some((p) => p.kind === 'not-found')) return;
    const includes = namedDirectivesAmong(ctx.model, ['include', 'includeoptional']);
    for (const p of problems) {
      if (p.kind !== 'not-found') continue;
      const node = lastAtOrBefore(includes, p.start, (d) => d.start);
      const standing = node && p.end <= node.end ? standingOf(node, ctx.ast) : undefined;
      if (standing?.reach === 'skipped') continue;
      const unsure = standing?.reach === 'maybe' ? standing.because : null;
      if (!unsure) ctx.report({ start: p.start, end: p.end, message: p.message });
      else ctx.report({ start: p.start, end: p.end, severity: 'warning', message: `${p.message.replace(/; Apache refuses to start\./, '')}: Apache refuses to start if it reads the <${unsure.name}${unsure.args.length ? ' ' + unsure.args.map((w) => w.raw).join(' ') : ''}> section around it.` });
    }
  },
};
