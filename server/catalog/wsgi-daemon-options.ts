// Every option WSGIDaemonProcess accepts in mod_wsgi 4.9.4 (Debian's build), with the range mod_wsgi itself
// enforces while Apache reads the config. Numbers go through C's atoi(), so `threads=abc` quietly means 0;
// only the checks listed here make configtest fail.
// https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIDaemonProcess.html
import type { WsgiOptionInfo, WsgiValueCheck } from './wsgi-option-types';

const seconds = (name: string, dflt: string, summary: string, example: number, since = '4.1.0', error = name.replace(/-/g, ' ')): WsgiOptionInfo => ({
  name,
  valueType: 'whole seconds',
  check: { kind: 'int', min: 0 },
  range: '0 or more',
  default: dflt,
  summary,
  errors: [`Invalid ${error} for WSGI daemon process.`],
  since,
  example: `${name}=${example}`,
});

const buffer = (name: string, min: number, dflt: string, summary: string, errors: string[], since = '4.1.0'): WsgiOptionInfo => ({
  name,
  valueType: 'bytes',
  check: { kind: 'buffer', min },
  range: `0 or at least ${min}`,
  default: dflt,
  summary,
  errors,
  since,
  example: `${name}=${min}`,
});

const free = (name: string, valueType: string, dflt: string, summary: string, example: string, check: WsgiValueCheck = { kind: 'any' }): WsgiOptionInfo => ({
  name,
  valueType,
  check,
  range: 'any value (not checked when the config is read)',
  default: dflt,
  summary,
  errors: [],
  since: '4.1.0',
  example,
});

export const DAEMON_OPTIONS: readonly WsgiOptionInfo[] = [
  {
    name: 'processes', valueType: 'integer', check: { kind: 'int', min: 1 }, range: '1 or more', default: '1',
    summary: 'How many daemon processes the group runs. Setting it at all, even to 1, makes wsgi.multiprocess True.',
    errors: ['Invalid process count for WSGI daemon process.'], since: '4.1.0', example: 'processes=2',
  },
  {
    name: 'threads', valueType: 'integer', check: { kind: 'int', min: 0, max: 65533 }, range: '0 to 65533', default: '15',
    summary: 'Request threads in each daemon process. 0 is special: the process only runs WSGIImportScript scripts and serves no requests.',
    errors: ['Invalid thread count for WSGI daemon process.'], since: '4.1.0', example: 'threads=15',
  },
  {
    name: 'user', valueType: 'user name or #uid', check: { kind: 'user' }, range: 'an existing account other than root', default: "Apache's User",
    summary: 'Account the daemon processes run as. mod_wsgi refuses root (uid 0).',
    errors: ['Invalid user for WSGI daemon process.', 'WSGI process blocked from running as root.', "Couldn't determine user name from uid."],
    since: '4.1.0', example: 'user=www-data',
  },
  {
    name: 'group', valueType: 'group name or #gid', check: { kind: 'non-empty' }, range: 'an existing group', default: "Apache's Group",
    summary: 'Primary group of the daemon processes.',
    errors: ['Invalid group for WSGI daemon process.'], since: '4.1.0', example: 'group=www-data',
  },
  free('supplementary-groups', 'comma-separated group names', 'none', 'Extra groups the daemon processes join, separated by commas.', 'supplementary-groups=ssl-cert'),
  {
    name: 'umask', valueType: 'octal number', check: { kind: 'octal' }, range: 'octal digits 0-7 only', default: "inherited from Apache",
    summary: 'File-creation mask of the daemon processes, written in octal.',
    errors: ['Invalid umask for WSGI daemon process.'], since: '4.1.0', example: 'umask=0007',
  },
  {
    name: 'chroot', valueType: 'absolute path', check: { kind: 'absolute-path' }, range: "an absolute path; Apache must be started as root", default: 'none',
    summary: 'Directory the daemon processes chroot into before Python starts. Needs an absolute path and Apache started as root.',
    errors: ['Cannot chroot WSGI daemon process when not root.', 'Invalid chroot directory for WSGI daemon process.'], since: '4.1.0', example: 'chroot=/srv/jail',
  },
  {
    name: 'home', valueType: 'absolute path', check: { kind: 'absolute-path' }, range: 'an absolute path', default: "the daemon user's home directory when it differs from Apache's User",
    summary: 'Working directory of the daemon processes (also where relative imports are found). Must be absolute.',
    errors: ['Invalid home directory for WSGI daemon process.'], since: '4.1.0', example: 'home=/srv/site',
  },
  free('lang', 'locale name', 'none', 'Value of the LANG environment variable in the daemon processes.', 'lang=en_US.UTF-8'),
  free('locale', 'locale name', 'none', 'Locale the daemon processes select with setlocale() at startup.', 'locale=en_US.UTF-8'),
  free('python-home', 'path', 'WSGIPythonHome', 'Python installation or virtual environment (sys.prefix) for this group only.', 'python-home=/srv/site/venv'),
  free('python-path', "directories separated by ':'", 'none', 'Directories added to sys.path of this group, like site directories.', 'python-path=/srv/site'),
  free('python-eggs', 'path', 'none', 'Directory used as PYTHON_EGG_CACHE by this group.', 'python-eggs=/tmp/eggs'),
  {
    name: 'stack-size', valueType: 'bytes', check: { kind: 'int', min: 1 }, range: 'more than 0', default: 'the system default',
    summary: 'Stack size of each request thread, in bytes.',
    errors: ['Invalid stack size for WSGI daemon process.'], since: '4.1.0', example: 'stack-size=524288',
  },
  {
    name: 'maximum-requests', valueType: 'integer', check: { kind: 'int', min: 0 }, range: '0 or more', default: '0 (never)',
    summary: 'Restart each daemon process after it has served this many requests; 0 never restarts it.',
    errors: ['Invalid request count for WSGI daemon process.'], since: '4.1.0', example: 'maximum-requests=1000',
  },
  seconds('startup-timeout', '0 (off)', 'Restart a daemon process that has not managed to load the WSGI script within this many seconds; 0 waits forever.', 15, '4.5.6'),
  seconds('shutdown-timeout', '5', 'Seconds a daemon process gets to exit by itself once told to stop, before it is killed.', 5),
  seconds('deadlock-timeout', '300', 'Restart a daemon process whose Python interpreter lock has been stuck this many seconds.', 300),
  seconds('inactivity-timeout', '0 (off)', 'Restart a daemon process after this many seconds with no requests or no progress on them; 0 never does.', 300),
  seconds('request-timeout', '0 (off)', 'Restart a daemon process once requests run longer than this many seconds (spread over its threads); 0 never does.', 60),
  seconds('graceful-timeout', '15', 'Seconds a daemon process that is due to restart keeps finishing its active requests while taking no new ones.', 15),
  seconds('eviction-timeout', '0 (use graceful-timeout)', 'Grace period in seconds when a daemon process is told to restart by a signal (SIGUSR1).', 30, '4.4.7'),
  seconds('restart-interval', '0 (off)', 'Restart the daemon processes every this many seconds, gracefully; 0 never does.', 86400, '4.5.12', 'restart interval'),
  seconds('connect-timeout', '15', 'Seconds an Apache child keeps trying to reach the daemon socket before the request fails.', 15),
  seconds('socket-timeout', "0 (Apache's Timeout)", "Seconds to wait on reads and writes between Apache children and the daemon; 0 uses Apache's Timeout.", 60),
  seconds('queue-timeout', '0 (off)', 'Fail a request that waited longer than this many seconds for a free daemon thread; 0 never does.', 45),
  {
    name: 'listen-backlog', valueType: 'integer', check: { kind: 'int', min: 0 }, range: '0 or more', default: '100',
    summary: "Backlog of the daemon's listening UNIX socket: connections from Apache children that may wait to be accepted.",
    errors: ['Invalid listen backlog for WSGI daemon process.'], since: '4.1.0', example: 'listen-backlog=100',
  },
  free('display-name', 'text or %{GROUP}', "Apache's own process name", 'Process name ps shows for the daemon processes; %{GROUP} gives (wsgi:<group>). Cut to the length of Apache\'s own name.', 'display-name=%{GROUP}'),
  buffer('send-buffer-size', 512, '0 (system default)', 'Send buffer of the daemon sockets, in bytes.',
    ['Invalid send buffer size for WSGI daemon process.', 'Send buffer size must be >= 512 bytes, or 0 for system default.']),
  buffer('receive-buffer-size', 512, '0 (system default)', 'Receive buffer of the daemon sockets, in bytes.',
    ['Invalid receive buffer size for WSGI daemon process.', 'Receive buffer size must be >= 512 bytes, or 0 for system default.']),
  buffer('header-buffer-size', 8192, '0 (built-in default)', 'Largest block of response headers the daemon may send back, in bytes.',
    ['Invalid header buffer size for WSGI daemon process.', 'Header buffer size must be >= 8192 bytes, or 0 for default.']),
  buffer('response-buffer-size', 65536, '0 (65536)', 'Response data buffered between the daemon and Apache, in bytes.',
    ['Invalid response buffer size for WSGI daemon process.', 'Response buffer size must be >= 65536 bytes, or 0 for default.'], '4.4.7'),
  seconds('response-socket-timeout', '0 (socket-timeout)', 'Seconds to wait while writing the response back to the client; 0 uses socket-timeout.', 60, '4.5.13'),
  {
    name: 'socket-user', valueType: 'user name or #uid', check: { kind: 'non-empty' }, range: 'an existing account', default: "Apache's User",
    summary: 'Owner of the daemon socket, for servers whose children run as another user (mod_ruid2, mpm-itk).',
    errors: ['Invalid socket user for WSGI daemon process.', "Couldn't determine user name from socket user."], since: '4.4.1', example: 'socket-user=www-data',
  },
  {
    name: 'script-user', valueType: 'user name or #uid', check: { kind: 'non-empty' }, range: 'an existing account; not together with script-group', default: 'none',
    summary: 'Only run WSGI script files owned by this user. Cannot be combined with script-group.',
    errors: ['Invalid script user for WSGI daemon process.', "Couldn't determine uid from script user.", 'Only one of script-user and script-group allowed.'],
    since: '4.1.0', example: 'script-user=deploy',
  },
  {
    name: 'script-group', valueType: 'group name or #gid', check: { kind: 'non-empty' }, range: 'an existing group; not together with script-user', default: 'none',
    summary: 'Only run WSGI script files owned by this group. Cannot be combined with script-user.',
    errors: ['Invalid script group for WSGI daemon process.', "Couldn't determine gid from script group.", 'Only one of script-user and script-group allowed.'],
    since: '4.1.0', example: 'script-group=deploy',
  },
  seconds('cpu-time-limit', '0 (unlimited)', 'CPU seconds a daemon process may use before the kernel stops it (RLIMIT_CPU); 0 means no limit.', 3600, '4.1.0', 'CPU time limit'),
  {
    name: 'cpu-priority', valueType: 'integer (nice value)', check: { kind: 'non-empty' }, range: 'any integer', default: '0',
    summary: 'Scheduling priority (nice value) of the daemon processes.',
    errors: ['Invalid CPU priority for WSGI daemon process.'], since: '4.1.0', example: 'cpu-priority=5',
  },
  {
    name: 'memory-limit', valueType: 'bytes', check: { kind: 'int', min: 0, bits: 64 }, range: '0 or more', default: '0 (unlimited)',
    summary: 'Data segment limit of each daemon process in bytes (RLIMIT_DATA); 0 means no limit.',
    errors: ['Invalid memory limit for WSGI daemon process.'], since: '4.1.0', example: 'memory-limit=1073741824',
  },
  {
    name: 'virtual-memory-limit', valueType: 'bytes', check: { kind: 'int', min: 0, bits: 64 }, range: '0 or more', default: '0 (unlimited)',
    summary: 'Address-space limit of each daemon process in bytes (RLIMIT_AS); 0 means no limit.',
    errors: ['Invalid virtual memory limit for WSGI daemon process.'], since: '4.1.0', example: 'virtual-memory-limit=2147483648',
  },
  {
    name: 'server-metrics', valueType: 'On or Off', check: { kind: 'on-off' }, range: 'On or Off (any case)', default: 'Off',
    summary: "On lets the application read Apache's server metrics through mod_wsgi's Python API.",
    errors: ['Invalid server metrics flag for WSGI daemon process.'], since: '4.2.0', example: 'server-metrics=On',
  },
  free('newrelic-config-file', 'path', 'none', 'Undocumented New Relic agent setting; gone in mod_wsgi 6.', 'newrelic-config-file=/etc/newrelic.ini'),
  free('newrelic-environment', 'text', 'none', 'Undocumented New Relic agent setting; gone in mod_wsgi 6.', 'newrelic-environment=production'),
];

/** Option names other mod_wsgi releases know but Debian's 4.9.4 rejects, with why (for the unknown-option message). */
export const OTHER_RELEASE_DAEMON_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['proxy-buffer-size', 'existed only in mod_wsgi 4.3.1 to 4.4.6'],
  ['interrupt-timeout', 'only exists from mod_wsgi 6'],
  ['response-flush-delay', 'only exists from mod_wsgi 6'],
  ['switch-interval', 'only exists from mod_wsgi 6'],
]);
