// A directive where Apache does not accept it: refused by the enclosing section's override mask ("X not allowed
// here", "X not allowed in <Directory> context") or by its own check ("X cannot occur within <VirtualHost>
// section"). The places come from probing the real apache2; <IfModule> and friends are transparent.
// https://httpd.apache.org/docs/2.4/mod/directive-dict.html#Context
import type { DirectiveNode, Node, SectionNode } from '../syntax/ast';
import type { Rule } from './types';
import { APACHE_DOCS } from './types';
import { catalogueEntries } from './catalogue-entries';
import { contextRules } from '../catalog/data/context-rules';
import { innermostFrame, isHtaccess, placeOf, standingOf, type Standing } from '../catalog/placement';
import type { DirectiveInfo, PlaceName } from '../catalog/types';
import { allowedText, elseWithoutIf, htaccessProblem, ruleProblem } from './context/explain';
import { authzProblem } from './context/authz';

export const directiveContext: Rule = {
  id: 'directive-context',
  defaultSeverity: 'error',
  description: 'A directive or section where Apache does not allow it (wrong context, nesting, .htaccess, <Else> without <If>, negative or empty authorization sections).',
  docUrl: `${APACHE_DOCS}directive-dict.html#Context`,
  perSection: true,
  check(ctx) {
    const htaccess = isHtaccess(ctx.uri);
    // Directives, then sections, without copying both lists into a new one per analysis; indexed loops, since
    // their iterators showed in the allocation profile.
    const entries = catalogueEntries(ctx.model);
    for (const [list, infos] of [[ctx.model.directives, entries.directives], [ctx.model.sections, entries.sections]] as const) for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (node.name.includes('$')) continue;
      const info = infos[i];
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
  if (info.places[place] === 'override') {
    const written = writtenName(node);
    const parent = standing.inner?.section;
    const apache = parent ? `${written} not allowed in <${parent.name}> context` : `${written} not allowed here`;
    const here = parent ? `inside <${parent.name}>` : 'at server level (outside every section)';
    return `${info.section ? `<${info.name}>` : info.name} is not allowed ${here}: ${allowedText(info)} (Apache: "${apache}").`;
  }
  // Most directives have no 'handler' place: then no frame can match.
  const test = handlerTest(info);
  const frame = test ? innermostFrame(standing, test) : undefined;
  if (frame) {
    const written = writtenName(node);
    const within = frame.place === 'limit' || frame.place === 'authz' ? '<Limit> or <LimitExcept>' : `<${frame.section.name}>`;
    const apache = `${written}${node.kind === 'section' ? '>' : ''} cannot occur within ${within} section`;
    return `${info.section ? `<${info.name}>` : info.name} cannot stand inside ${within}: ${allowedText(info)} (Apache: "${apache}").`;
  }
  return undefined;
}

/** The name as Apache's messages write it (a section with its `<`); made only for a message. */
function writtenName(node: DirectiveNode | SectionNode): string {
  return node.kind === 'section' ? `<${node.name}` : node.name;
}

type PlaceTest = (place: PlaceName | null) => boolean;

const handlerTests = new WeakMap<DirectiveInfo, PlaceTest | null>();

/**
 * The test "this place refuses the directive in its own handler", or null when no place does. Made once per
 * catalogue entry (entries are built once): a closure made per line cost an object per directive.
 */
function handlerTest(info: DirectiveInfo): PlaceTest | null {
  let test = handlerTests.get(info);
  if (test === undefined) handlerTests.set(info, (test = newHandlerTest(info)));
  return test;
}

/** Apart from handlerTest: a function making a closure over `info` allocates a context on every call. */
function newHandlerTest(info: DirectiveInfo): PlaceTest | null {
  return Object.values(info.places).includes('handler') ? (p) => p !== null && info.places[p] === 'handler' : null;
}
