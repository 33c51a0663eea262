// Wrong number of arguments for the directive's argument form, judged exactly as httpd's config.c does (an
// empty quoted "" word counts as missing where Apache tests *w == '\0'), plus the counts that free-form
// directives check themselves (data/argument-rules.ts).
import type { Fix, Rule, RuleContext } from './types';
import { APACHE_DOCS } from './types';
import { catalogueEntries } from './catalogue-entries';
import { argumentRules } from '../catalog/data/argument-rules';
import { argvWords, effectiveWords, effectiveWordsInto, hasCommentWord, readingSeverity } from './arguments/words';
import { FORMS, MAX_BY_FORM, given } from './arguments/counts';
import { inPerDirectorySection, standingOf } from '../catalog/placement';
import type { SectionNode } from '../syntax/ast';

/** The words of the directive being judged: read only until the next one's are worked out (no array per line). */
const scratch: string[] = [];

export const argumentCount: Rule = {
  id: 'argument-count',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A directive given more or fewer arguments than its form (TAKE1, TAKE12, FLAG …) or its module allows.',
  docUrl: `${APACHE_DOCS}directive-dict.html#Syntax`,
  perSection: true,
  check(ctx) {
    // Indexed: an iterator per analysis showed in the allocation profile.
    const directives = ctx.model.directives;
    const entries = catalogueEntries(ctx.model).directives;
    for (let i = 0; i < directives.length; i++) {
      const node = directives[i];
      const info = entries[i];
      if (!info || info.obsolete || info.notRegistered) continue;
      // Nothing to count against: no words worked out (most mod_wsgi directives are RAW_ARGS).
      if (!FORMS[info.args] && !argumentRules[node.nameLower] && info.args !== 'FLAG') continue;
      const severity = readingSeverity(node, ctx.ast);
      if (severity === null) continue;
      const words = effectiveWordsInto(node, ctx.ast, scratch);
      if (!words || hasCommentWord(node)) continue;
      const form = FORMS[info.args];
      const rule = argumentRules[node.nameLower];
      let message: string | undefined;
      if (form && !form.ok(words)) {
        const apache = `${info.name} ${form.apache}${info.args === 'FLAG' ? '' : ', …'}`;
        message = `${info.name} takes ${form.needs}, but ${given(words)} (Apache: "${apache}").`;
      } else if (rule) {
        const min = rule.minInSection !== undefined && inPerDirectorySection(standingOf(node, ctx.ast)) ? rule.minInSection : rule.min;
        const count = info.args === 'TAKE_ARGV' ? argvWords(words).length : words.length;
        if (count < min || (rule.max !== undefined && count > rule.max)) {
          const text = typeof rule.apache === 'string' ? rule.apache : rule.apache[Math.min(words.length, rule.apache.length - 1)];
          const range = rule.max === undefined ? `at least ${min}` : min === rule.max ? `${min}` : `${min} to ${rule.max}`;
          message = `${info.name} needs ${range} argument${min === 1 && rule.max === 1 ? '' : 's'}${min > rule.min || rule.minInSection === undefined ? '' : ' outside <Location>'}, but ${given(words)} (Apache: "${text.replace('{line}', node.args.map((w) => w.raw).join(' '))}").`;
        }
      }
      if (!message && info.args === 'FLAG' && words.length > 1) {
        const extra = node.args.slice(1);
        const text = `${info.name} takes one argument, On or Off; Apache reads the first and silently ignores the rest.`;
        ctx.report({ start: extra[0].start, end: node.end, message: text, severity: severity ?? 'warning', fixes: [dropWords(ctx.text, extra, node.args[0].end)] });
        continue;
      }
      if (!message) continue;
      const max = MAX_BY_FORM[info.args] ?? rule?.max;
      const extra = max !== undefined && node.args.length > max ? node.args.slice(max) : [];
      const start = extra.length ? extra[0].start : node.nameSpan.start;
      // No fix: which words are extra (or whether they were one value missing its quotes) is the author's call.
      ctx.report({ start, end: node.end, message, severity });
    }
    checkSectionPaths(ctx);
  },
};

/**
 * Sections that take one path or pattern (`~` and a regular expression for the non-Match ones): httpd's dirsection,
 * urlsection and filesection read one word (two after `~`) and refuse anything left with "Multiple <Directory>
 * arguments not (yet) supported." A common wish, several directories in one section, needs a Match section's
 * pattern or one section each.
 */
const ONE_PATH: ReadonlySet<string> = new Set(['directory', 'directorymatch', 'location', 'locationmatch', 'files', 'filesmatch']);

const LONE_VARIABLE = /^\$\{[^}]*\}$/;

function checkSectionPaths(ctx: RuleContext): void {
  const sections = ctx.model.sections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (PROVIDER_ALIASES.has(s.nameLower)) {
      checkProviderAlias(ctx, s);
      continue;
    }
    if (!ONE_PATH.has(s.nameLower)) continue;
    const args = s.args;
    const allowed = args[0]?.value === '~' ? 2 : 1;
    // A word that is only a ${VAR} may stand for no word or several: not judged. Inside a word, a variable can only
    // add words (a value with blanks), so the words are at least as many as written.
    if (args.length <= allowed || args.some((w) => LONE_VARIABLE.test(w.value))) continue;
    const reach = standingOf(s, ctx.ast).reach;
    if (reach === 'skipped') continue;
    ctx.report({
      start: args[allowed].start,
      end: args[args.length - 1].end,
      message:
        `<${s.name}> takes one ${s.nameLower.startsWith('location') ? 'URL path' : 'path'}${s.nameLower.endsWith('match') ? ' pattern' : ` (or ~ and a regular expression)`}, ` +
        `but ${given(args.map((w) => w.value))} (Apache: "Multiple <${s.name}> arguments not (yet) supported."). For several, write one section each` +
        `${s.nameLower.endsWith('match') ? ' or one pattern that matches them all' : ` or one <${s.name}Match> with a pattern that matches them all`}.`,
      severity: reach === 'maybe' ? 'warning' : undefined,
    });
  }
}

/** Sections that name a base provider and the alias they define before anything else (mod_authn_core, mod_authz_core). */
const PROVIDER_ALIASES: ReadonlySet<string> = new Set(['authnprovideralias', 'authzprovideralias']);

/** The base provider and the alias name: both must be there and not empty ("" counts as missing). */
function checkProviderAlias(ctx: RuleContext, s: SectionNode): void {
  const words = effectiveWords(s, ctx.ast);
  // No word at all is syntax-error's (a section tag without its argument).
  if (!words || words.length === 0 || (words.length >= 2 && words[0] !== '' && words[1] !== '')) return;
  const reach = standingOf(s, ctx.ast).reach;
  if (reach === 'skipped') return;
  ctx.report({
    start: s.nameSpan.start,
    end: s.open.end,
    message: `<${s.name}> needs the provider it is based on and the name of the alias (<${s.name} ${s.nameLower === 'authnprovideralias' ? 'ldap ldap-alias' : 'ldap-group admins cn=admins,dc=example,dc=com'}>), but ${given(words)} (Apache: "<${s.name}> directive requires additional arguments").`,
    severity: reach === 'maybe' ? 'warning' : undefined,
  });
}


/** Exact: Apache never reads the dropped words, so removing them changes nothing it does. */
function dropWords(text: string, extra: Array<{ end: number }>, after: number): Fix {
  // A backslash left last on the line would join the next line to this one: leave a blank after it.
  const newText = text[after - 1] === '\\' ? ' ' : '';
  return { title: 'Remove the words Apache ignores', edits: [{ start: after, end: extra[extra.length - 1].end, newText }], preferred: true };
}
