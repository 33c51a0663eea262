// How many words each fixed argument form accepts, judged exactly as httpd's config.c does: an empty quoted ""
// counts as missing where Apache tests *w == '\0'.
import type { ArgumentForm } from '../../catalog/types';

/** For each fixed form: is the word list acceptable, what we say it needs, Apache's wording after the name. */
export const FORMS: Partial<Record<ArgumentForm, { ok: (w: string[]) => boolean; needs: string; apache: string }>> = {
  TAKE1: { ok: (w) => w.length === 1 && w[0] !== '', needs: 'exactly one argument', apache: 'takes one argument' },
  TAKE2: { ok: (w) => w.length === 2 && w[0] !== '' && w[1] !== '', needs: 'exactly two arguments', apache: 'takes two arguments' },
  TAKE3: { ok: (w) => w.length === 3 && w.every((x) => x !== ''), needs: 'exactly three arguments', apache: 'takes three arguments' },
  TAKE12: { ok: (w) => w.length >= 1 && w.length <= 2 && w[0] !== '', needs: 'one or two arguments', apache: 'takes 1-2 arguments' },
  TAKE13: { ok: (w) => w.length >= 1 && w.length <= 3 && w[0] !== '' && !(w.length === 2 && w[1] !== ''), needs: 'one or three arguments', apache: 'takes one or three arguments' },
  TAKE23: { ok: (w) => w.length >= 2 && w.length <= 3 && w[0] !== '' && w[1] !== '', needs: 'two or three arguments', apache: 'takes two or three arguments' },
  TAKE123: { ok: (w) => w.length >= 1 && w.length <= 3 && w[0] !== '', needs: 'one to three arguments', apache: 'takes one, two or three arguments' },
  ITERATE: { ok: (w) => w.length >= 1 && w[0] !== '', needs: 'at least one argument', apache: 'requires at least one argument' },
  ITERATE2: { ok: (w) => w.length >= 2 && w[0] !== '', needs: 'at least two arguments', apache: 'requires at least two arguments' },
  // Apache reads only the first word of a FLAG (whether it is On/Off is invalid-argument's business) and
  // silently drops the rest: more words get a warning below, not an error.
  FLAG: { ok: (w) => w.length >= 1, needs: 'one argument, On or Off', apache: 'must be On or Off' },
};

export const MAX_BY_FORM: Partial<Record<ArgumentForm, number>> = { TAKE1: 1, TAKE2: 2, TAKE3: 3, TAKE12: 2, TAKE13: 3, TAKE23: 3, TAKE123: 3 };

export function given(words: string[]): string {
  const empty = words.filter((w) => w === '').length;
  const base = words.length === 0 ? 'none is given' : words.length === 1 ? '1 is given' : `${words.length} are given`;
  return empty ? `${base} (an empty "" counts as missing)` : base;
}
