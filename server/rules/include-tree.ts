// Include trees Apache cannot read to the end: cycles, nesting past its depth limit, unreadable files,
// variables it cannot resolve, and trees larger than we analyse.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';

export const includeTree: Rule = {
  id: 'include-tree',
  defaultSeverity: 'error',
  description: 'Include cycles, nesting too deep, unreadable included files or trees too large to analyse.',
  docUrl: `${APACHE_DOCS}core.html#include`,
  check(ctx) {
    for (const p of ctx.includeProblems ?? []) {
      if (p.kind === 'not-found') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message, severity: p.severity });
    }
  },
};
