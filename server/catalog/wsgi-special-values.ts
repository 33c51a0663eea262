// The `%{…}` values mod_wsgi expands per request, and where each one means something. None is checked when
// the config is read: an unknown form such as %{global} passes configtest and is then used literally as a name.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIApplicationGroup.html

/** Where a value stands: WSGIProcessGroup / process-group=, WSGIApplicationGroup / application-group=, … */
export type WsgiValueSlot = 'process-group' | 'application-group' | 'callable-object' | 'restrict-process' | 'display-name';

export interface WsgiSpecialValue {
  /** As written; `%{ENV:variable}` stands for every `%{ENV:…}`. */
  value: string;
  slot: WsgiValueSlot;
  meaning: string;
}

const TABLE: readonly WsgiSpecialValue[] = [
  { value: '%{GLOBAL}', slot: 'process-group', meaning: 'No daemon group: the application runs embedded in the Apache child processes (the default).' },
  { value: '%{ENV:variable}', slot: 'process-group', meaning: 'Group named per request by an environment variable (SetEnv, SetEnvIf, RewriteRule [E=]); when unset the text itself is taken as the name.' },
  { value: '%{RESOURCE}', slot: 'process-group', meaning: 'Expands to host[:port]|script-path; rarely the name of a real daemon group.' },
  { value: '%{SERVER}', slot: 'process-group', meaning: 'Expands to ServerName[:port] of the virtual host.' },
  { value: '%{HOST}', slot: 'process-group', meaning: 'Expands to the Host header of the request (ServerName when absent), with :port.' },
  { value: '%{GLOBAL}', slot: 'application-group', meaning: 'The main Python interpreter, the one C extensions written for a single interpreter (numpy, some DB drivers) expect.' },
  { value: '%{RESOURCE}', slot: 'application-group', meaning: 'One interpreter per virtual host and script URL: ServerName[:port]|/url-path (the default).' },
  { value: '%{SERVER}', slot: 'application-group', meaning: 'One interpreter per virtual host: ServerName[:port].' },
  { value: '%{HOST}', slot: 'application-group', meaning: 'One interpreter per Host header value, falling back to ServerName.' },
  { value: '%{ENV:variable}', slot: 'application-group', meaning: 'Interpreter named per request by an environment variable; when unset the text itself is the name.' },
  { value: '%{ENV:variable}', slot: 'callable-object', meaning: 'Callable named per request by an environment variable; application when unset.' },
  { value: '%{GLOBAL}', slot: 'restrict-process', meaning: 'Allows embedded mode (no daemon group) in the list.' },
  { value: '%{GROUP}', slot: 'display-name', meaning: 'Shows the processes as (wsgi:<group name>).' },
];

/** The special value `value` means in `slot`, if any (`%{ENV:NAME}` matches the `%{ENV:variable}` entry). */
export function wsgiSpecialValue(value: string, slot: WsgiValueSlot): WsgiSpecialValue | undefined {
  const key = /^%\{ENV:[^}]+\}$/.test(value) ? '%{ENV:variable}' : value;
  return TABLE.find((v) => v.slot === slot && v.value === key);
}

export function wsgiSpecialValues(slot: WsgiValueSlot): readonly WsgiSpecialValue[] {
  return TABLE.filter((v) => v.slot === slot);
}
