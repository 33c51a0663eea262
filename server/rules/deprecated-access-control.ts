// Apache 2.2's Order/Allow/Deny/Satisfy in a 2.4 config: they work only while mod_access_compat is loaded, and
// mixed with 2.4's Require (in this section or an enclosing one) they combine in surprising ways. A block Apache 2.4
// skips (`<IfModule !mod_authz_core.c>`, `<IfVersion < 2.4>`: a config's 2.2 fallback) is left alone.
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { legacyBlocks, requireEquivalent } from '../model/legacy-access';
import { deleteLines } from '../model/edits';
import { eolOf, lineIndentation } from '../syntax/text-edits';
import { standingOf } from '../catalog/placement';

export const deprecatedAccessControl: Rule = {
  id: 'deprecated-access-control',
  defaultSeverity: 'warning',
  fixable: true,
  description: "Apache 2.2's Order/Allow/Deny/Satisfy in a configuration for Apache 2.4 (off when apacheVersion is 2.2).",
  docUrl: `${APACHE_DOCS}mod_access_compat.html`,
  check(ctx) {
    if (ctx.apacheVersion === '2.2') return;
    for (const block of legacyBlocks(ctx.model)) {
      const [first, ...rest] = block.directives;
      // A block shares one section: the 2.2 branch of a config written for both versions is never read by 2.4.
      if (standingOf(first, ctx.ast).reach === 'skipped') continue;
      const last = block.directives[block.directives.length - 1];
      const names = [...new Set(block.directives.map((d) => d.name))].join('/');
      const lines = requireEquivalent(block);
      const written = lines?.map((l) => `'${l}'`).join(' + ');
      ctx.report({
        start: first.start,
        end: last.end,
        message:
          `${names} is Apache 2.2 access control, kept in 2.4 only by mod_access_compat; next to 2.4's Require it combines in surprising ways. ` +
          (lines ? `The 2.4 equivalent is ${written}.` : `Rewrite it with Require (Require all granted/denied, Require ip …, Require host …); there is no exact one-line translation of this combination.`),
        fixes: lines
          ? [
              {
                title: `Replace with ${written}`,
                edits: [
                  { start: first.start, end: first.end, newText: lines.join(eolOf(ctx.text) + lineIndentation(ctx.text, first.start)) },
                  ...rest.map((d) => deleteLines(ctx.text, d.start, d.end)),
                ],
              },
            ]
          : [],
      });
    }
  },
};
