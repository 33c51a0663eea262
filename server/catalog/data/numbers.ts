// Directives whose (first) argument is a number, read the way the module reads it, with Apache's message for a
// value it refuses. Each entry was measured with apache2 -t on Debian's 2.4.71 (values with signs, blanks,
// decimals, suffixes, units, zero and overflow), 2026-11-25. Three readers:
//   integer  the whole word is a decimal integer (apr_strtoff / strtol with an end check), within min..max
//   atoi     C's atoi: leading digits, whatever follows ("1.5" is 1, "10k" is 10, "abc" is 0), within min..max
//   timeout  ap_timeout_parameter_parse: an integer >= 0, then nothing or a unit (s, h, ms, mi…), the rest ignored
// Numbers longer than nine digits are not judged: there Apache's answer depends on overflow rules (atoi wraps,
// the range checks differ per module).

export type NumberReader = 'integer' | 'atoi' | 'timeout';

export interface NumberRule {
  read: NumberReader;
  min?: number;
  max?: number;
  /** Words accepted besides a number (compared in any letter case). */
  keywords?: readonly string[];
  /** Apache's refusal; `{value}` stands for the word as Apache read it. */
  apache: string;
}

const nonNegative = (apache: string): NumberRule => ({ read: 'integer', min: 0, apache });
const positive = (apache: string): NumberRule => ({ read: 'atoi', min: 1, apache });
const timeout = (apache: string): NumberRule => ({ read: 'timeout', apache });
const ranges = (name: string): NumberRule => ({ read: 'atoi', min: 1, keywords: ['none', 'default', 'unlimited'], apache: `${name} requires 'none', 'default', 'unlimited' or a positive integer` });

export const numberRules: Readonly<Record<string, NumberRule>> = {
  limitrequestbody: nonNegative('LimitRequestBody requires a non-negative integer.'),
  keptbodysize: nonNegative('KeptBodySize must be a valid size in bytes, or zero.'),
  deflateinflatelimitrequestbody: nonNegative('DeflateInflateLimitRequestBody requires a non-negative integer.'),
  readbuffersize: { read: 'integer', min: 0, max: 4294967295, apache: 'parameter must be a number between 0 and (4294967295U)): {value}' },
  flushmaxthreshold: { read: 'integer', min: 0, max: 4294967295, apache: 'parameter must be a number between 0 and (4294967295U)): {value}' },
  flushmaxpipelined: { read: 'integer', min: -1, max: 2147483647, apache: 'parameter must be a number between -1 and (2147483647): {value}' },
  keepalivetimeout: timeout('KeepAliveTimeout has wrong format'),
  cgiscripttimeout: timeout('CGIScriptTimeout has wrong format'),
  cgidscripttimeout: timeout('CGIDScriptTimeout has wrong format'),
  h2streamtimeout: timeout('Invalid timeout value'),
  proxytimeout: positive('Proxy Timeout must be at least 1 second.'),
  limitinternalrecursion: positive('The recursion limit must be greater than zero.'),
  listenbacklog: positive('ListenBacklog must be > 0'),
  buffersize: positive('BufferSize must be a size in bytes, and greater than zero'),
  deflatebuffersize: positive('DeflateBufferSize should be positive'),
  deflatecompressionlevel: { read: 'atoi', min: 1, max: 9, apache: 'Compression Level must be between 1 and 9' },
  deflatewindowsize: { read: 'atoi', min: 1, max: 15, apache: 'DeflateWindowSize must be between 1 and 15' },
  deflatememlevel: { read: 'atoi', min: 1, max: 9, apache: 'DeflateMemLevel must be between 1 and 9' },
  h2maxsessionstreams: positive('value must be > 0'),
  h2windowsize: { read: 'atoi', min: 1024, apache: 'value must be >= 1024' },
  maxranges: ranges('MaxRanges'),
  maxrangeoverlaps: ranges('MaxRangeOverlaps'),
  maxrangereversals: ranges('MaxRangeReversals'),
};
