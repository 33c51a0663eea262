// Every rule, in the order their reports are listed. A new rule is one file plus one import and one list line here.
import type { Rule } from './types';
import { syntaxError } from './syntax-error';
import { unterminatedQuote } from './unterminated-quote';
import { includeNotFound } from './include-not-found';
import { includeTree } from './include-tree';
import { wsgiDaemonUnused } from './wsgi-daemon-unused';

export const rules: readonly Rule[] = [
  syntaxError,
  unterminatedQuote,
  includeNotFound,
  includeTree,
  wsgiDaemonUnused,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
