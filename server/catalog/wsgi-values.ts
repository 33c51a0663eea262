// Judges an option value exactly as mod_wsgi 4.9.4 does when Apache reads the config (C atoi(), strtol(…, 8),
// strcasecmp On/Off, ap_uname2id for `#uid`), so we fail what configtest fails and nothing else.
import type { WsgiOptionInfo } from './wsgi-option-types';

export type ValueProblem =
  /** configtest fails: empty value, out of range, not octal, relative path, root, not On/Off. */
  | { severity: 'error'; reason: 'empty' | 'range' | 'format' | 'relative' | 'root' | 'flag'; read?: number }
  /** Accepted, but not what it looks like: `threads=4x` reads as 4, `threads=abc` as 0. */
  | { severity: 'warning'; reason: 'lenient-number'; read: number };

/** What is wrong with `value` for `option`, or null when mod_wsgi accepts it as written. */
export function judgeValue(option: WsgiOptionInfo, value: string): ValueProblem | null {
  const check = option.check;
  if (check.kind === 'any') return null;
  if (check.kind === 'absolute-path') return value.startsWith('/') ? null : { severity: 'error', reason: value ? 'relative' : 'empty' };
  if (value === '') return { severity: 'error', reason: 'empty' };
  switch (check.kind) {
    case 'non-empty':
      return null;
    case 'on-off':
      return onOff(value) === undefined ? { severity: 'error', reason: 'flag' } : null;
    case 'user':
      return isRootUser(value) ? { severity: 'error', reason: 'root' } : null;
    case 'octal':
      return isOctal(value) ? null : { severity: 'error', reason: 'format' };
    case 'int':
    case 'buffer': {
      const read = check.kind === 'int' && check.bits === 64 ? strtol64(value) : atoi(value);
      const bad = check.kind === 'int' ? read < check.min || (check.max !== undefined && read > check.max) : read !== 0 && read < check.min;
      if (bad) return { severity: 'error', reason: 'range', read };
      return isPlainInteger(value) ? null : { severity: 'warning', reason: 'lenient-number', read };
    }
  }
}

/** mod_wsgi's On/Off: strcasecmp against "On" and "Off". */
export function onOff(value: string): 'On' | 'Off' | undefined {
  const v = value.toLowerCase();
  return v === 'on' ? 'On' : v === 'off' ? 'Off' : undefined;
}

/** A flag value someone clearly meant as On or Off (yes, true, 1 …), for a quick fix. */
export function intendedFlag(value: string): 'On' | 'Off' | undefined {
  const v = value.toLowerCase();
  if (['yes', 'true', '1', 'enable', 'enabled', 'y'].includes(v)) return 'On';
  if (['no', 'false', '0', 'disable', 'disabled', 'n', 'none'].includes(v)) return 'Off';
  return undefined;
}

/** ap_uname2id: `#N` is atoi(N); the account named root is uid 0 on every system. */
function isRootUser(value: string): boolean {
  return value === 'root' || (value.startsWith('#') && atoi(value.slice(1)) === 0);
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** glibc strtol(s, NULL, 10): leading blanks, a sign, then digits; saturates at the 64-bit limits. */
export function strtol(s: string): bigint {
  let i = 0;
  while (i < s.length && /[\t\n\v\f\r ]/.test(s[i])) i++;
  const negative = s[i] === '-';
  if (s[i] === '-' || s[i] === '+') i++;
  let v = 0n;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    v = v * 10n + BigInt(s.charCodeAt(i) - 48);
    if (v > LONG_MAX + 1n) v = LONG_MAX + 1n;
  }
  v = negative ? -v : v;
  return v > LONG_MAX ? LONG_MAX : v < LONG_MIN ? LONG_MIN : v;
}

/** C atoi(): strtol cut to a 32-bit int, as glibc does. */
export function atoi(s: string): number {
  const small = smallStrtol(s);
  // ToInt32 (`| 0`) wraps modulo 2^32 as BigInt.asIntN(32, …) does; exact below 2^53. It also makes -0 a 0.
  return small !== undefined ? small | 0 : Number(BigInt.asIntN(32, strtol(s)));
}

/** strtol as a number (apr_atoi64 read as a JS number). */
export function strtol64(s: string): number {
  const small = smallStrtol(s);
  // `+ 0` turns -0 ("-0") into 0, as Number(0n) gives.
  return small !== undefined ? small + 0 : Number(strtol(s));
}

/**
 * strtol(s) without BigInt when it reads at most 15 digits (below 2^53, so exact as a number, and far from the
 * 64-bit limits strtol saturates at); undefined otherwise. Every option value goes through here: most are short.
 */
function smallStrtol(s: string): number | undefined {
  let i = 0;
  while (i < s.length && isCBlank(s.charCodeAt(i))) i++;
  const negative = s[i] === '-';
  if (s[i] === '-' || s[i] === '+') i++;
  let v = 0;
  for (let digits = 0; i < s.length; i++, digits++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    if (digits === 15) return undefined;
    v = v * 10 + c;
  }
  return negative ? -v : v;
}

/** C isspace in the "C" locale: blank, \t, \n, \v, \f, \r (as strtol's /[\t\n\v\f\r ]/ above). */
const isCBlank = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** /^[+-]?\d+$/ (ASCII digits), without a regular expression: a test there allocates on every call. */
export function isPlainInteger(s: string): boolean {
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= s.length) return false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** strtol(value, &end, 8) must consume everything, not overflow, and not be negative. */
function isOctal(value: string): boolean {
  const m = /^[\t\n\v\f\r ]*([+-]?)([0-7]+)$/.exec(value);
  if (!m) return false;
  const v = BigInt('0o' + m[2]);
  return v <= LONG_MAX && (m[1] !== '-' || v === 0n);
}
