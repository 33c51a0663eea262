// A name Apache has no command for stops configtest ("Invalid command 'X', perhaps misspelled or defined by a
// module not included in the server configuration"). A close known name is most likely a typo; but where the
// configuration loads a third-party module, any unknown name may be one of its directives (mod_jk's JkLogLevel is one
// letter pair from LogLevel), so there it is only a warning.
import type { DirectiveNode, ParseProblem, SectionNode } from '../syntax/ast';
import type { Fix, Rule, RuleContext, Severity } from './types';
import { APACHE_DOCS } from './types';
import { acceptedNames } from '../catalog/directives';
import { catalogueEntries } from './catalogue-entries';
import { closestNames } from '../catalog/names';
import { loadedModules } from '../catalog/modules';
import { moduleLoaded, standingOf } from '../catalog/placement';
import { debianModule } from '../catalog/modules';
import { sectionInfo } from '../catalog/sections';

export const unknownDirective: Rule = {
  id: 'unknown-directive',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A directive or section name Apache does not accept: misspelled, from a module not loaded, removed or compiled out.',
  docUrl: `${APACHE_DOCS}directives.html`,
  perSection: true,
  check(ctx) {
    // Directives, then sections, without copying both lists into a new one per analysis.
    const entries = catalogueEntries(ctx.model);
    for (const [list, infos] of [[ctx.model.directives, entries.directives], [ctx.model.sections, entries.sections]] as const) for (let i = 0; i < list.length; i++) {
      const node = list[i];
      const section = node.kind === 'section';
      if (!node.name || node.name.includes('$')) continue;
      const info = infos[i];
      // A known name is refused only where a whole server does not load its module.
      const registered = info !== undefined && !info.obsolete && !info.notRegistered;
      if (registered && (!ctx.seesWholeServer || moduleLoaded(ctx.ast, info.alsoIn ? [info.module, ...info.alsoIn] : [info.module]) !== false)) continue;
      const reach = standingOf(node, ctx.ast).reach;
      if (reach === 'skipped') continue;
      const written = section ? `<${node.name}` : node.name;
      const start = section ? node.nameSpan.start + 1 : node.nameSpan.start;
      const apache = `"Invalid command '${written}', perhaps misspelled or defined by a module not included in the server configuration"`;
      if (registered) {
        const module = debianModule(info.module)!;
        const why = `does not load it (a2enmod ${module.id.replace(/_module$/, '')}, or LoadModule ${module.id})`;
        const unsure = reach === 'maybe' || incompleteTree(ctx.includeProblems);
        ctx.report({
          start,
          end: node.nameSpan.end,
          severity: unsure ? 'warning' : undefined,
          message: `${info.name} belongs to ${module.file}, and this server ${why}, so Apache stops with ${apache}.` + (unsure ? ' (Apache may skip this line, or a file not read here may load the module.)' : ''),
        });
        continue;
      }
      if (info?.obsolete) {
        ctx.report({ start, end: node.nameSpan.end, message: `${info.name} is no longer supported: ${info.summary} Configtest fails on this line.` });
        continue;
      }
      if (info?.notRegistered) {
        const why = `${info.name} is not registered by the mod_wsgi build Debian ships (${info.notRegistered}), so Apache stops with ${apache}.`;
        ctx.report({ start, end: node.nameSpan.end, message: why, severity: reach === 'maybe' ? 'warning' : undefined });
        continue;
      }
      // A section that needs an argument is no fix for a tag written without one.
      const known = acceptedNames(section);
      const candidates = section && node.args.length === 0 ? known.filter((n) => !sectionInfo(n.toLowerCase())?.argumentRequired) : known;
      const close = closestNames(node.name, candidates);
      // Read here, not before the loop: a file of known names never needs its LoadModule lines walked for.
      const thirdParty = loadedModules(ctx.ast).thirdParty;
      let severity: Severity = thirdParty.length === 0 ? 'error' : 'warning';
      if (reach === 'maybe') {
        if (!close.length) continue;
        severity = 'hint';
      }
      const base = `Unknown ${section ? 'section' : 'directive'} '${written}': no module Apache ships defines it, and Apache stops with ${apache}.`;
      const guess = close.length ? ` Did you mean ${close.join(', ')}?` : '';
      const third = thirdParty.length ? ` ${close.length ? 'Or it may' : 'It may'} come from a third-party module this configuration loads (${thirdParty.join(', ')}).` : '';
      const skip = reach === 'maybe' ? ' Apache may skip this body, so it is not flagged as an error.' : '';
      ctx.report({ start, end: node.nameSpan.end, message: base + guess + third + skip, severity, fixes: renames(node, close, ctx.text, ctx.ast.problems, thirdParty.length === 0) });
    }
  },
};

/**
 * The fixes renaming `node` to each close name, the first preferred when the name is surely a typo. Its own function: closures over the loop's variables would make
 * the loop allocate a context for every directive, known or not.
 */
function renames(node: DirectiveNode | SectionNode, close: string[], text: string, problems: readonly ParseProblem[], surelyTypo: boolean): Fix[] {
  // A section is renamed only together with its closing tag, so the structure stays as it was (a closing tag
  // spelled otherwise, say across a continuation, gets no edit: then no fix).
  const fixable = node.kind === 'directive' || (node.close !== null && !closedByRecovery(node, problems) && !holdsIgnoredClose(node, problems));
  // Where the name may be a third-party module's, a rename is offered but never made by --fix on its own.
  return (fixable ? close.map((c, i) => rename(node, c, i === 0, surelyTypo, text)) : []).filter((f) => node.kind === 'directive' || f.edits.length === 2);
}

function rename(node: DirectiveNode | SectionNode, to: string, first: boolean, surelyTypo: boolean, text: string): Fix {
  // A quoted name may touch the next word (`'Nmae'arg`): without its quotes they would merge, so keep them apart.
  const glue = node.kind === 'directive' && /\S/.test(text[node.nameSpan.end] ?? ' ') ? ' ' : '';
  const edits = [{ start: node.kind === 'section' ? node.nameSpan.start + 1 : node.nameSpan.start, end: node.nameSpan.end, newText: to + glue }];
  // The closing tag is renamed too when it spells the same (misspelled) name.
  const close = node.kind === 'section' && node.close ? node.close.start + 2 : -1;
  if (close >= 0 && text.slice(close, close + node.name.length).toLowerCase() === node.nameLower && text[close + node.name.length] === '>') {
    edits.push({ start: close, end: close + node.name.length, newText: to });
  }
  return surelyTypo ? { title: `Change to ${to}`, edits, preferred: first } : { title: `Change to ${to}`, edits, askFirst: true };
}

/** A closing tag the parser matched only by recovery (a problem on it): renamed, it would close something else. */
function closedByRecovery(node: SectionNode, problems: readonly ParseProblem[]): boolean {
  const at = node.close?.start ?? -1;
  return problems.some((p) => p.start <= at && at < p.end);
}

/**
 * A closing tag in the section's body that closes nothing (`</VirtualHost>` inside `<VirtualHots>`, ignored): with
 * the section renamed to its name, it would close the section there and leave the real closing tag stray.
 */
function holdsIgnoredClose(node: SectionNode, problems: readonly ParseProblem[]): boolean {
  const end = node.close?.start ?? node.end;
  return problems.some((p) => p.kind === 'mismatched-close' && p.start > node.open.end && p.start < end);
}

/** Whether the server's tree was not read whole (an Include not followed, a file unreadable): a module may load there. */
function incompleteTree(problems: RuleContext['includeProblems']): boolean {
  return (problems ?? []).some((p) => p.kind !== 'not-found' && p.kind !== 'cycle');
}
