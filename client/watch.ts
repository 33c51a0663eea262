// Which files the client watches on disk for the server: every kind of file a server tree reads (configs, module
// .load files, Debian's envvars) and the WSGI scripts aliases point at. A change re-reads the trees that hold it.

/** File name patterns, one path component each (VS Code glob syntax). */
export const WATCHED_NAMES = ['*.conf', '*.load', '*.vhost', '*.htaccess', 'envvars', '*.py', '*.wsgi'] as const;

/** The watcher's glob: any of the names, in any folder. */
export const WATCHED_GLOB = `**/{${WATCHED_NAMES.join(',')}}`;
