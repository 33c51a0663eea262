// What WSGI names and environ keys mean when the application runs under mod_wsgi: hover text for Python files.
// Facts from PEP 3333 and the mod_wsgi reference (shared/reference); the wording is ours.

export interface HoverEntry {
  /** Markdown, first line a title. */
  text: string;
  /** Further reading. */
  url: string;
}

const WSGI_DIRECTIVES = 'https://modwsgi.readthedocs.io/en/master/configuration-directives/';
const PEP = 'https://peps.python.org/pep-3333/';

/** The WSGI roles a Python name can play: the script's callable and the two parameters of a WSGI callable. */
export const ROLE_HOVERS: Readonly<Record<'application' | 'environ' | 'start_response', HoverEntry>> = {
  application: {
    text:
      '**application**: the callable mod_wsgi looks for in this script once it has loaded it; every request ' +
      'mod_wsgi routes here calls it with the request\'s `environ` and `start_response`. `WSGICallableObject` or the ' +
      '`callable-object=` option of `WSGIScriptAlias` choose another name. When the script binds no such name at ' +
      'module level, requests fail and the error log says the script does not contain that WSGI application.',
    url: `${WSGI_DIRECTIVES}WSGICallableObject.html`,
  },
  environ: {
    text:
      '**environ**: a fresh dict for each request: CGI-style variables (`REQUEST_METHOD`, `PATH_INFO`, `HTTP_*` ' +
      'headers …), the `wsgi.*` keys and mod_wsgi\'s own `mod_wsgi.*` keys. Variables set with `SetEnv` in the ' +
      'Apache configuration arrive here, per request, not in `os.environ`.',
    url: `${PEP}#environ-variables`,
  },
  start_response: {
    text:
      '**start_response**`(status, response_headers, exc_info=None)`: the application calls it before the first ' +
      'chunk of the body goes out, and gets back a legacy `write(data)` callable. Middleware that changes the body ' +
      'must wrap it: to apply its change to data sent through `write()` too, and to drop or fix `Content-Length`.',
    url: `${PEP}#the-start-response-callable`,
  },
};

/** Keys of the WSGI environ that mean something particular under mod_wsgi. */
export const ENVIRON_HOVERS: ReadonlyMap<string, HoverEntry> = new Map<string, HoverEntry>([
  ['mod_wsgi.process_group', {
    text:
      '**mod_wsgi.process_group**: the name of the daemon process group (`WSGIDaemonProcess`) serving this request, ' +
      'or the empty string when the application runs embedded in Apache\'s own child processes. The usual way to ' +
      'check that `WSGIProcessGroup` (or `process-group=`) really took effect.',
    url: `${WSGI_DIRECTIVES}WSGIProcessGroup.html`,
  }],
  ['mod_wsgi.application_group', {
    text:
      '**mod_wsgi.application_group**: the name of the Python sub-interpreter running this request. The empty ' +
      'string is the main interpreter (`WSGIApplicationGroup %{GLOBAL}`, which C extensions such as numpy often ' +
      'need); by default each host and script path gets its own, named like `host|/path`.',
    url: `${WSGI_DIRECTIVES}WSGIApplicationGroup.html`,
  }],
  ['mod_wsgi.callable_object', {
    text: '**mod_wsgi.callable_object**: the name of the callable mod_wsgi looked up in the script: `application` unless `WSGICallableObject` or `callable-object=` say otherwise.',
    url: `${WSGI_DIRECTIVES}WSGICallableObject.html`,
  }],
  ['mod_wsgi.script_reloading', {
    text: '**mod_wsgi.script_reloading**: `\'1\'` when mod_wsgi reloads the script after it changes on disk (`WSGIScriptReloading On`, the default), `\'0\'` when it does not.',
    url: `${WSGI_DIRECTIVES}WSGIScriptReloading.html`,
  }],
  ['mod_wsgi.version', {
    text: '**mod_wsgi.version**: the running mod_wsgi\'s version as a tuple of numbers, for example `(4, 9, 4)`.',
    url: 'https://modwsgi.readthedocs.io/en/master/',
  }],
  ['mod_wsgi.listener_host', {
    text: '**mod_wsgi.listener_host**: the address of the Apache listener (`Listen`) that accepted this connection.',
    url: 'https://httpd.apache.org/docs/2.4/mod/mpm_common.html#listen',
  }],
  ['mod_wsgi.listener_port', {
    text: '**mod_wsgi.listener_port**: the port of the Apache listener (`Listen`) that accepted this connection, as a string.',
    url: 'https://httpd.apache.org/docs/2.4/mod/mpm_common.html#listen',
  }],
  ['wsgi.multithread', {
    text:
      '**wsgi.multithread**: `True` when other threads of the same process may run the application at the same ' +
      'time: a daemon group with more than one thread (`threads=` defaults to 15), or embedded mode under a threaded ' +
      'MPM (worker, event). `False` with `threads=1`, or embedded under prefork.',
    url: `${WSGI_DIRECTIVES}WSGIDaemonProcess.html`,
  }],
  ['wsgi.multiprocess', {
    text:
      '**wsgi.multiprocess**: `True` when requests may be spread over several processes, each with its own copy of ' +
      'module state: embedded mode (Apache\'s children), or a daemon group given `processes=` (any value, even 1). ' +
      '`False` for a daemon group without `processes=`, which is a single process.',
    url: `${WSGI_DIRECTIVES}WSGIDaemonProcess.html`,
  }],
  ['wsgi.run_once', {
    text: '**wsgi.run_once**: always `False` under mod_wsgi: its processes stay up and serve many requests, so start-up work done at import time is paid once per process.',
    url: `${PEP}#environ-variables`,
  }],
  ['wsgi.url_scheme', {
    text: '**wsgi.url_scheme**: `http` or `https`, as the request reached Apache. Behind a proxy it follows the proxy\'s scheme header (such as `X-Forwarded-Proto`) only when `WSGITrustedProxyHeaders` names that header.',
    url: `${WSGI_DIRECTIVES}WSGITrustedProxyHeaders.html`,
  }],
  ['wsgi.errors', {
    text: '**wsgi.errors**: a text stream whose lines go to Apache\'s error log (the `ErrorLog` in effect for the virtual host).',
    url: `${PEP}#environ-variables`,
  }],
  ['wsgi.input', {
    text: '**wsgi.input**: the request body as a binary stream; read at most `CONTENT_LENGTH` bytes from it.',
    url: `${PEP}#input-and-error-streams`,
  }],
  ['wsgi.file_wrapper', {
    text: '**wsgi.file_wrapper**`(file, block_size)`: returning its result lets mod_wsgi send a file itself, with the kernel\'s sendfile() when `WSGIEnableSendfile On`.',
    url: `${WSGI_DIRECTIVES}WSGIEnableSendfile.html`,
  }],
]);
