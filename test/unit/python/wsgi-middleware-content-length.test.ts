import { pythonRuleTable, py } from './python-table';

pythonRuleTable('wsgi-middleware-content-length', {
  valid: [
    // The body is not changed.
    py('class M:', '    def __call__(self, environ, start_response):', '        for c in self.app(environ, start_response):', '            yield c'),
    // The middleware deals with Content-Length somewhere (case does not matter).
    py(
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        def sr(status, headers, exc_info=None):',
      "            headers = [(k, v) for k, v in headers if k.lower() != 'content-length']",
      '            return start_response(status, headers, exc_info)',
      '        return (c.upper() for c in self.app(environ, sr))',
    ),
    py(
      'class M:',
      "    DROP = {'Content-Length'}",
      '    def __call__(self, environ, start_response):',
      "        body = b''.join(self.app(environ, start_response))",
      '        return [body.upper()]',
    ),
  ],
  invalid: [
    {
      code: py('class Upper:', '    def __call__(self, environ, start_response):', '        for data in self.application(environ, «start_response»):', '            yield data.upper()'),
      fixed: py(
        'class Upper:',
        '    def __call__(self, environ, start_response):',
        '        def _start_response(status, headers, exc_info=None):',
        "            headers = [(name, value) for name, value in headers if name.lower() != 'content-length']",
        '            return start_response(status, headers, exc_info)',
        '        for data in self.application(environ, _start_response):',
        '            yield data.upper()',
      ),
      message: ["'Upper.__call__'", 'Content-Length'],
      severity: 'information',
    },
    {
      // Its own wrapper forwards the headers untouched: the filter goes first in it, after the docstring.
      code: py(
        'def minify(app):',
        '    def mw(environ, start_response):',
        '        def sr(status, name, exc_info=None):',
        '            """Adds a header."""',
        "            name.append(('X-Minified', '1'))",
        '            return start_response(status, name, exc_info)',
        "        return [shrink(b''.join(app(environ, «sr»)))]",
        '    return mw',
      ),
      fixed: py(
        'def minify(app):',
        '    def mw(environ, start_response):',
        '        def sr(status, name, exc_info=None):',
        '            """Adds a header."""',
        "            name = [(name_2, value) for name_2, value in name if name_2.lower() != 'content-length']",
        "            name.append(('X-Minified', '1'))",
        '            return start_response(status, name, exc_info)',
        "        return [shrink(b''.join(app(environ, sr)))]",
        '    return mw',
      ),
    },
  ],
});
