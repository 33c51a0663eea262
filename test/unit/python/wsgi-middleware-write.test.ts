import { pythonRuleTable, py } from './python-table';

pythonRuleTable('wsgi-middleware-write', {
  valid: [
    // No change to the data: write() bypassing the middleware loses nothing.
    py('class M:', '    def __call__(self, environ, start_response):', '        for c in self.app(environ, start_response):', '            yield c'),
    py('class M:', '    def __call__(self, environ, start_response):', '        yield from self.app(environ, start_response)'),
    // start_response is wrapped and the write() it hands back applies the change.
    py(
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        def sr(status, headers, exc_info=None):',
      '            write = start_response(status, headers, exc_info)',
      '            return lambda data: write(data.upper())',
      '        for c in self.app(environ, sr):',
      '            yield c.upper()',
    ),
    // Passed something the rule cannot see into (a method): no guess.
    py('class M:', '    def __call__(self, environ, start_response):', '        for c in self.app(environ, self.start):', '            yield c.upper()'),
  ],
  invalid: [
    {
      code: py(
        'class Upper:',
        '    def __call__(self, environ, start_response):',
        '        for data in self.application(environ, «start_response»):',
        '            yield data.upper()',
      ),
      fixed: py(
        'class Upper:',
        '    def __call__(self, environ, start_response):',
        '        def _start_response(status, headers, exc_info=None):',
        '            write = start_response(status, headers, exc_info)',
        '            def _write(data):',
        '                write(data.upper())',
        '            return _write',
        '        for data in self.application(environ, _start_response):',
        '            yield data.upper()',
      ),
      message: ["'Upper.__call__'", 'data.upper()', 'start_response through unchanged', 'write()'],
      severity: 'warning',
    },
    {
      // A generator expression; the wrapper's names avoid the ones the function uses.
      code: py(
        'def gzip_like(app, status):',
        '    def mw(environ, start_response):',
        '        return (compress(chunk, status) for chunk in app(environ, «start_response»))',
        '    return mw',
      ),
      fixed: py(
        'def gzip_like(app, status):',
        '    def mw(environ, start_response):',
        '        def _start_response(status_2, headers, exc_info=None):',
        '            write = start_response(status_2, headers, exc_info)',
        '            def _write(chunk):',
        '                write(compress(chunk, status))',
        '            return _write',
        '        return (compress(chunk, status) for chunk in app(environ, _start_response))',
        '    return mw',
      ),
    },
    {
      // map() with a function.
      code: py('class M:', '    def __call__(self, environ, start_response):', '        return map(self.scrub, self.app(environ, «start_response»))'),
      fixed: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        def _start_response(status, headers, exc_info=None):',
        '            write = start_response(status, headers, exc_info)',
        '            def _write(data):',
        '                write(self.scrub(data))',
        '            return _write',
        '        return map(self.scrub, self.app(environ, _start_response))',
      ),
    },
    {
      // A wrapper that filters headers but hands back the original write().
      code: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        def sr(status, headers, exc_info=None):',
        "            headers = [h for h in headers if h[0] != 'Server']",
        '            return start_response(status, headers, exc_info)',
        '        for c in self.app(environ, «sr»):',
        '            yield c.replace(b"a", b"b")',
      ),
      fixed: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        def sr(status, headers, exc_info=None):',
        "            headers = [h for h in headers if h[0] != 'Server']",
        '            write = start_response(status, headers, exc_info)',
        '            def _write(c):',
        '                write(c.replace(b"a", b"b"))',
        '            return _write',
        '        for c in self.app(environ, sr):',
        '            yield c.replace(b"a", b"b")',
      ),
      message: ["returns the original write() from 'sr'"],
    },
    {
      // Two forwarding returns (the second one dead code): wrapping one would leave the finding, so no fix.
      code: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        def sr(status, headers, exc_info=None):',
        '            return start_response(status, headers, exc_info)',
        '            return start_response(status, headers, exc_info)',
        '        for c in self.app(environ, «sr»):',
        '            yield c.replace(b"a", b"b")',
      ),
      message: ["returns the original write() from 'sr'"],
    },
    {
      // A change no single expression states: reported without a fix.
      code: py(
        'class Numbered:',
        '    def __call__(self, environ, start_response):',
        '        n = 0',
        '        for c in self.app(environ, «start_response»):',
        '            n += 1',
        "            yield b'%d: ' % n + c",
      ),
      message: ['changes the response data'],
    },
    {
      // A buffering middleware that rewrites the whole body.
      code: py('class M:', '    def __call__(self, environ, start_response):', "        body = b''.join(self.app(environ, «start_response»))", "        return [body.replace(b'http:', b'https:')]"),
    },
  ],
});
