// A directive where Apache does not accept it: refused by the enclosing section's override mask ("X not allowed
// here", "X not allowed in <Directory> context") or by its own check ("X cannot occur within <VirtualHost>
// section"). The places come from probing the real apache2; <IfModule> and friends are transparent.
// https://httpd.apache.org/docs/2.4/mod/directive-dict.html#Context
import type { DirectiveNode, Node, SectionNode } from '../syntax/ast';
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { directiveInfo } from '../catalog/directives';
import { contextRules } from '../catalog/data/context-rules';
import { innermostFrame, isHtaccess, placeOf, standingOf, type Standing } from '../catalog/placement';
import type { DirectiveInfo } from '../catalog/types';
import { allowedText, elseWithoutIf, htaccessProblem, ruleProblem } from './context/explain';
import { authzProblem } from './context/authz';

export const directiveContext: Rule = {
  id: 'directive-context',
  defaultSeverity: 'error',
  description: 'A directive or section where Apache does not allow it (wrong context, nesting, .htaccess, <Else> without <If>, negative or empty authorization sections).',
  docUrl: `${APACHE_DOCS}directive-dict.html#Context`,
  check(ctx) {
    const htaccess = isHtaccess(ctx.uri);
    // Directives, then sections, without copying both lists into a new one per analysis.
    for (const list of [ctx.model.directives, ctx.model.sections]) for (const node of list) {
      if (node.name.includes('$')) continue;
      const info = directiveInfo(node.nameLower, node.kind === 'section');
      if (!info || info.obsolete || info.notRegistered) continue;
      const standing = standingOf(node, ctx.ast);
      if (standing.reach === 'skipped') continue;
      // mod_wsgi's directives in .htaccess are htaccess-wsgi's, with advice of their own.
      if (htaccess && info.module === 'mod_wsgi.c') continue;
      const problem = htaccess ? htaccessProblem(info) : problemAt(node, info, standing, ctx.ast.children) ?? authzProblem(node, ctx.ast);
      if (!problem) continue;
      const start = node.kind === 'section' ? node.nameSpan.start + 1 : node.nameSpan.start;
      ctx.report({ start, end: node.nameSpan.end, message: problem, severity: standing.reach === 'maybe' ? 'warning' : undefined });
    }
  },
};

function problemAt(node: DirectiveNode | SectionNode, info: DirectiveInfo, standing: Standing, top: readonly Node[]): string | undefined {
  if (info.name === 'Error' && node.kind === 'directive' && standing.reach === 'active') {
    return `Error always stops Apache when it is read (configtest fails here with the message given); keep it inside a condition such as <IfModule !…> or <IfDefine …> that is false when things are right.`;
  }
  if (node.kind === 'section' && (node.nameLower === 'else' || node.nameLower === 'elseif') && elseWithoutIf(node, top)) {
    return `<${node.name}> must follow an <If> or <ElseIf> section in the same scope; Apache says "<Else> or <ElseIf> section without previous <If> or <ElseIf> section in same scope".`;
  }
  const special = contextRules[node.nameLower];
  if (special) return ruleProblem(info, special, standing);
  const place = placeOf(standing);
  if (!place) return undefined;
  const written = node.kind === 'section' ? `<${node.name}` : node.name;
  if (info.places[place] === 'override') {
    const parent = standing.inner?.section;
    const apache = parent ? `${written} not allowed in <${parent.name}> context` : `${written} not allowed here`;
    const here = parent ? `inside <${parent.name}>` : 'at server level (outside every section)';
    return `${info.section ? `<${info.name}>` : info.name} is not allowed ${here}: ${allowedText(info)} (Apache: "${apache}").`;
  }
  // Most directives have no 'handler' place: then no frame can match, and no closure is made per line.
  const frame = refusedByHandler(info) ? innermostFrame(standing, (p) => p !== null && info.places[p] === 'handler') : undefined;
  if (frame) {
    const within = frame.place === 'limit' || frame.place === 'authz' ? '<Limit> or <LimitExcept>' : `<${frame.section.name}>`;
    const apache = `${written}${node.kind === 'section' ? '>' : ''} cannot occur within ${within} section`;
    return `${info.section ? `<${info.name}>` : info.name} cannot stand inside ${within}: ${allowedText(info)} (Apache: "${apache}").`;
  }
  return undefined;
}

const handlerPlaces = new WeakMap<DirectiveInfo, boolean>();

/** Whether some place refuses the directive in its own handler (catalogue entries are built once, so memoised). */
function refusedByHandler(info: DirectiveInfo): boolean {
  let known = handlerPlaces.get(info);
  if (known === undefined) handlerPlaces.set(info, (known = Object.values(info.places).includes('handler')));
  return known;
}
