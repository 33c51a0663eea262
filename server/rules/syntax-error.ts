// Problems httpd's config reader stops at while it builds the section tree; the parser finds them all at once.
import type { Rule, RuleContext } from './types';
import { APACHE_DOCS } from './types';
import type { SectionNode } from '../syntax/ast';
import { sectionInfo } from '../catalog/sections';
import { conditionReach, standingOf } from '../catalog/placement';

export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  fixable: true,
  description: 'Section tags Apache cannot read: unclosed, mismatched or stray tags, a missing `>`, a missing argument.',
  docUrl: `${APACHE_DOCS}core.html`,
  check(ctx) {
    // A skipped section with several stray tags inside is reported once (configtest stops at the first).
    const reported = new Set<SectionNode>();
    for (const p of ctx.ast.problems) {
      if (p.kind === 'unterminated-quote') continue;
      const fixes = p.fix ? [{ ...p.fix, preferred: true }] : [];
      if (p.kind === 'words-after-close') {
        const closed = ctx.model.sections.find((x) => x.close?.start === p.start);
        const reach = closed && (standingOf(closed, ctx.ast).reach === 'skipped' ? 'skipped' : conditionReach(closed, ctx.ast));
        if (!closed || reach === 'skipped') continue;
        const name = closingTagName(ctx.text, p.start);
        ctx.report({
          start: p.start,
          end: p.end,
          severity: reach === 'maybe' ? 'warning' : undefined,
          message:
            `Apache ${reach === 'maybe' ? 'may read' : 'reads'} this <${name}> (${reach === 'maybe' ? 'when its condition holds' : 'its condition holds'}), and then ` +
            `refuses a closing tag with words after it: configtest stops with "</${name}> without matching <${name}> section". ` +
            `(After the closing tag of a section it skips, or of any other section, the words are ignored.) Remove them.`,
          fixes,
        });
        continue;
      }
      const read = p.kind === 'unclosed-section' ? readConditionAt(ctx, p.start) : undefined;
      if (read) {
        // Verified with apache2 -t: a condition section that holds is not a container to httpd, and one left open
        // at the end of the file passes configtest.
        ctx.report({
          start: p.start,
          end: p.end,
          severity: 'warning',
          message:
            `<${read.name}> was not closed. Its condition holds, so Apache reads on to the end of the file and accepts it, ` +
            `but everything after the tag is inside the section: add </${read.name}> where it should end.`,
          fixes,
        });
        continue;
      }
      const holder = p.kind === 'unclosed-section' ? openConditionAround(ctx, p.start) : undefined;
      if (holder) {
        // Verified with apache2 -t: inside a condition section that holds and is itself never closed, httpd reads to
        // the end of the file without asking the sections it opened there to close.
        ctx.report({
          start: p.start,
          end: p.end,
          severity: 'warning',
          message:
            `${p.message} It lies inside <${holder.name}>, itself left open with a condition that holds, so Apache reads on to the end ` +
            `of the file and accepts both; but everything after the tag is inside them.`,
          fixes,
        });
        continue;
      }
      ctx.report({ start: p.start, end: p.end, message: p.message, fixes });
      // A closing tag glued to more text (`</IfDefine>#`) is a mismatch too when Apache skips the section around it.
      if (p.kind === 'mismatched-close' || (p.kind === 'missing-bracket' && ctx.text.startsWith('</', p.start))) reportSkippingSections(ctx, p.start, reported);
    }
  },
};

/**
 * A condition section Apache skips (<IfDefine> of a name not defined, <IfModule> of a module not loaded …) is
 * still read for its tags: httpd's ap_soak_end_container pairs every opening and closing tag in the skipped body,
 * and a closing tag that closes nothing opened there stops configtest on the line of the skipped section itself,
 * not on the tag's. So a mismatched tag inside such a section is reported there too: on each enclosing condition
 * section that may be skipped, from the outside in, down to the first one that surely is (Apache soaks from it
 * and never looks at the sections inside).
 */
function reportSkippingSections(ctx: Pick<RuleContext, 'ast' | 'model' | 'text' | 'report'>, at: number, reported: Set<SectionNode>): void {
  let inner: SectionNode | null = null;
  for (const s of ctx.model.sections) if (s.start < at && at < endOf(s) && (!inner || s.start > inner.start)) inner = s;
  if (!inner) return;
  const chain: SectionNode[] = [];
  for (let s: SectionNode | null = inner; s; s = s.parent) chain.push(s);
  // httpd drops the tag's last character (the `>` it expects) and compares the rest: `</IfDefine>#` is `</IfDefine>`.
  const word = /^<\/\S*/.exec(ctx.text.slice(at, at + 200))?.[0] ?? '</';
  const saw = `${word.slice(0, -1)}>`;
  for (let i = chain.length - 1; i >= 0; i--) {
    const s = chain[i];
    if (!sectionInfo(s.nameLower)?.transparent) continue;
    const reach = conditionReach(s, ctx.ast);
    if (reach === 'active') continue;
    if (reported.has(s)) return;
    reported.add(s);
    ctx.report({
      start: s.nameSpan.start,
      end: s.open.end,
      message:
        `Apache ${reach === 'skipped' ? 'skips' : 'may skip'} this <${s.name}> block (${reach === 'skipped' ? 'its condition is false here' : 'when its condition is false'}), ` +
        `but it still pairs up the tags inside it: ${word} closes nothing opened there, so configtest stops on this line ` +
        `("Expected </${inner.name}> but saw ${saw}"). Fix the closing tag inside.`,
    });
    if (reach === 'skipped') return;
  }
}

/**
 * Where a section's body ends for Apache: its closing tag, or the tag that closed it by recovery; a section never
 * closed (its end is still its opening tag's) reads on to the end of the file.
 */
function endOf(s: SectionNode): number {
  return s.close || s.end > s.open.end ? s.end : Infinity;
}

/** The condition section whose tag starts at `start`, when Apache surely reads its body (its condition holds). */
function readConditionAt(ctx: Pick<RuleContext, 'ast' | 'model'>, start: number): SectionNode | undefined {
  const s = ctx.model.sections.find((x) => x.nameSpan.start === start);
  return s && sectionInfo(s.nameLower)?.transparent && conditionReach(s, ctx.ast) === 'active' ? s : undefined;
}

/**
 * The condition section around the section whose tag starts at `start` that holds and is never closed, if any. Only
 * for a section Apache surely reads that is no condition itself: one it skips is soaked to the end of the file,
 * which fails ("Expected </X> before end of configuration").
 */
function openConditionAround(ctx: Pick<RuleContext, 'ast' | 'model'>, start: number): SectionNode | undefined {
  const s = ctx.model.sections.find((x) => x.nameSpan.start === start);
  if (!s || sectionInfo(s.nameLower)?.transparent || standingOf(s, ctx.ast).reach !== 'active') return undefined;
  for (let p = s.parent; p; p = p.parent) {
    if (p.close === null && sectionInfo(p.nameLower)?.transparent && conditionReach(p, ctx.ast) === 'active') return p;
  }
  return undefined;
}

/** The name a closing tag at `at` is written with (`</Name` …), as the message quotes it. */
function closingTagName(text: string, at: number): string {
  return /^<\/([^\s>]*)/.exec(text.slice(at, at + 200))?.[1] ?? '';
}
