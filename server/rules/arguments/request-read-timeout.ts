// RequestReadTimeout as mod_reqtimeout reads it: key=value words, the key handshake, header or body, the value
// seconds, or a range 20-40 that needs ,MinRate=bytes-per-second; each number a whole non-negative one (strtol
// with nothing after it). The first bad word stops Apache. https://httpd.apache.org/docs/2.4/mod/mod_reqtimeout.html
import type { ArgChecker } from './types';
import { strtol } from './numbers';

const FORM = 'handshake=, header= or body=, each seconds (20), or a range with a minimum rate (20-40,MinRate=500)';

export const checkRequestReadTimeout: ArgChecker = (input) => {
  const { words, node } = input;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const eq = word.indexOf('=');
    const w = node.args[i];
    if (eq < 0) {
      return { start: w.start, end: w.end, message: `'${word}' is not key=value: RequestReadTimeout takes ${FORM}. Apache: "Invalid RequestReadTimeout parameter. Parameter must be in the form 'key=value'".` };
    }
    const key = word.slice(0, eq);
    const value = word.slice(eq + 1);
    const error = paramError(key, value);
    if (error === undefined) continue;
    if (error === null) return undefined;
    return { start: w.start, end: w.end, message: `RequestReadTimeout takes ${FORM}. Apache: "RequestReadTimeout: ${key}=${value}: ${error}".` };
  }
  return undefined;
};

/** mod_reqtimeout's refusal of one key=value, undefined when it reads it, null when the reading depends on overflow. */
function paramError(key: string, value: string): string | undefined | null {
  if (!['handshake', 'header', 'body'].includes(key.toLowerCase())) return 'Unknown RequestReadTimeout parameter';
  const rateAt = value.toLowerCase().indexOf(',minrate=');
  let initial: number | string | null;
  let max = 0;
  if (rateAt >= 0) {
    const rate = readInt(value.slice(rateAt + ',minrate='.length));
    if (typeof rate !== 'number') return rate;
    if (rate === 0) return 'Minimum data rate must be larger than 0';
    const times = value.slice(0, rateAt);
    const dash = times.indexOf('-');
    if (dash >= 0) {
      const read = readInt(times.slice(dash + 1));
      if (typeof read !== 'number') return read;
      max = read;
    }
    initial = readInt(dash >= 0 ? times.slice(0, dash) : times);
  } else {
    if (value.includes('-')) return 'Must set MinRate option if using timeout range';
    initial = readInt(value);
  }
  if (typeof initial !== 'number') return initial;
  if (max && initial >= max) return 'Maximum timeout must be larger than initial timeout';
  return undefined;
}

/** parse_int: strtol with nothing after the number, never negative; null past nine digits (overflow rules). */
function readInt(s: string): number | string | null {
  const { value, digits, rest } = strtol(s);
  if (!digits) return `Value '${s}' not numerical`;
  if (value === undefined) return null;
  if (rest !== '') return `Cannot parse '${rest}'`;
  return value < 0 ? 'Value must be non-negative' : value;
}
