// Directives whose argument is a regular expression Apache compiles (PCRE) while it reads the line, with the word
// that holds it and Apache's refusal. Verified with apache2 -t on Debian's 2.4.71, 2026-11-25.

export interface PatternRule {
  /** Index of the pattern among the words. */
  at: number;
  /** A leading `!` negates the match and is not part of the pattern (mod_rewrite). */
  negatable?: true;
  /** Apache's refusal; `{value}` is the pattern (without its `!`). */
  apache: string;
}

const compiled = (at: number): PatternRule => ({ at, apache: 'Regular expression could not be compiled.' });

export const patternRules: Readonly<Record<string, PatternRule>> = {
  aliasmatch: compiled(0),
  scriptaliasmatch: compiled(0),
  rewriterule: { at: 0, negatable: true, apache: "RewriteRule: cannot compile regular expression '{value}'" },
  rewritecond: { at: 1, negatable: true, apache: "RewriteCond: cannot compile regular expression '{value}'" },
  setenvif: { at: 1, apache: 'SetEnvIf regex could not be compiled.' },
  setenvifnocase: { at: 1, apache: 'SetEnvIfNoCase regex could not be compiled.' },
  browsermatch: { at: 0, apache: 'BrowserMatch regex could not be compiled.' },
  browsermatchnocase: { at: 0, apache: 'BrowserMatchNoCase regex could not be compiled.' },
};

/** Sections whose tag holds a pattern: the Match forms, and the others after `~`. */
export const sectionPatterns: Readonly<Record<string, 'match' | 'tilde'>> = {
  directorymatch: 'match', locationmatch: 'match', filesmatch: 'match', proxymatch: 'match',
  directory: 'tilde', location: 'tilde', files: 'tilde', proxy: 'tilde',
};
