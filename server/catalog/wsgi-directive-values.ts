// Values mod_wsgi checks itself for its one-argument directives (and WSGITrustedProxies), with its exact
// configtest message. mod_wsgi compares On/Off/Auto and the accept mutex names case-insensitively.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIPythonHashSeed.html

export type WsgiDirectiveValueKind = 'on-off' | 'on-off-auto' | 'hash-seed' | 'accept-mutex' | 'proxy-ips';

export interface WsgiDirectiveValue {
  name: string;
  kind: WsgiDirectiveValueKind;
  /** What mod_wsgi accepts, in words. */
  accepts: string;
  /** mod_wsgi's message, verbatim (`<arg>` stands for the value). */
  error: string;
}

const ON_OFF = [
  'WSGISocketRotation', 'WSGILazyInitialization', 'WSGIVerboseDebugging', 'WSGIDontWriteBytecode', 'WSGIDestroyInterpreter',
  'WSGIRestrictEmbedded', 'WSGIRestrictStdin', 'WSGIRestrictStdout', 'WSGIRestrictSignal', 'WSGICaseSensitivity',
  'WSGIPassApacheRequest', 'WSGIPassAuthorization', 'WSGIScriptReloading', 'WSGIErrorOverride', 'WSGIChunkedRequest',
  'WSGIIgnoreActivity', 'WSGIEnableSendfile', 'WSGIServerMetrics', 'WSGIGroupAuthoritative',
];

/** The lock mechanisms APR offers on Linux, as mod_wsgi lists them. */
export const ACCEPT_MUTEXES = ['default', 'flock', 'fcntl', 'sysvsem', 'posixsem', 'pthread'];

const TABLE: readonly WsgiDirectiveValue[] = [
  ...ON_OFF.map((name): WsgiDirectiveValue => ({ name, kind: 'on-off', accepts: 'On or Off (any case)', error: `${name} must be one of: Off | On` })),
  { name: 'WSGIMapHEADToGET', kind: 'on-off-auto', accepts: 'On, Off or Auto (any case)', error: 'WSGIMapHEADToGET must be one of: Off | On | Auto' },
  { name: 'WSGIPythonHashSeed', kind: 'hash-seed', accepts: 'random, or a whole number from 0 to 4294967295', error: 'WSGIPythonHashSeed must be "random" or an integer in range [0; 4294967295]' },
  {
    name: 'WSGIAcceptMutex', kind: 'accept-mutex', accepts: `one of ${ACCEPT_MUTEXES.join(', ')} (any case)`,
    error: `Accept mutex lock mechanism '<arg>' is invalid. Valid accept mutex mechanisms for this platform are: ${ACCEPT_MUTEXES.join(', ')}.`,
  },
  {
    name: 'WSGITrustedProxies', kind: 'proxy-ips', accepts: 'IPv4 addresses or subnets (digits, dots, /), or IPv6 ones in lower-case hex',
    error: 'Unable to parse trusted proxy IP address/subnet of "<arg>".',
  },
];

const byName = new Map(TABLE.map((v) => [v.name.toLowerCase(), v]));

export function wsgiDirectiveValue(nameLower: string): WsgiDirectiveValue | undefined {
  return byName.get(nameLower);
}

/** Whether mod_wsgi accepts `value` (one word) for a directive of this kind. */
export function acceptsDirectiveValue(kind: WsgiDirectiveValueKind, value: string): boolean {
  const v = value.toLowerCase();
  switch (kind) {
    case 'on-off':
      return v === 'on' || v === 'off';
    case 'on-off-auto':
      return v === 'on' || v === 'off' || v === 'auto';
    case 'accept-mutex':
      return ACCEPT_MUTEXES.includes(v);
    case 'hash-seed': {
      // Empty and "random" (exact case) pass; otherwise Python's PyOS_strtoul must read the whole value.
      if (value === '' || value === 'random') return true;
      const m = /^[\t\n\v\f\r ]*(\d+)$/.exec(value);
      return m !== null && BigInt(m[1]) <= 4294967295n;
    }
    case 'proxy-ips':
      // wsgi_looks_like_ip: only these characters, decided by whether a ':' appears.
      return value !== '' && (value.includes(':') ? /^[0-9a-f:/]+$/ : /^[0-9./]+$/).test(value);
  }
}
