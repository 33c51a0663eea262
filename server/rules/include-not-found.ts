// An Include whose target is missing stops Apache at start-up; IncludeOptional is allowed to match nothing.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';

export const includeNotFound: Rule = {
  id: 'include-not-found',
  defaultSeverity: 'error',
  description: 'Include names a file, directory or wildcard that matches nothing (Apache refuses to start).',
  docUrl: `${APACHE_DOCS}core.html#include`,
  check(ctx) {
    for (const p of ctx.includeProblems ?? []) {
      if (p.kind !== 'not-found') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message });
    }
  },
};
