import { CLOSING_ITERABLE, pythonRuleTable, py } from './python-table';

pythonRuleTable('wsgi-middleware-close-chained', {
  valid: [
    // Not a generator: the lazy case belongs to wsgi-middleware-close.
    py('class M:', '    def __call__(self, environ, start_response):', '        return (c.upper() for c in self.app(environ, start_response))'),
    // Already closed in finally.
    py(
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        result = self.app(environ, start_response)',
      '        try:',
      '            yield from result',
      '        finally:',
      "            if hasattr(result, 'close'):",
      '                result.close()',
    ),
    // Something before the loop yields: the function cannot stop being a generator.
    py('class M:', '    def __call__(self, environ, start_response):', "        yield b'<!-- start -->'", '        for c in self.app(environ, start_response):', '            yield c'),
    // A name bound both before and inside the moved part would break in a nested function.
    py(
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        size = 0',
      '        for c in self.app(environ, start_response):',
      '            size += len(c)',
      '            yield c',
    ),
    // The loop sits inside a try: the try/finally fix is the one offered.
    py(
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        try:',
      '            for c in self.app(environ, start_response):',
      '                yield c',
      '        except ValueError:',
      '            raise',
    ),
    // Python rejects the indented class (the parser reads it): a ClosingIterable at column 0 before it would break
    // the file for the parser too, so no fix, and this alternative is not raised (wsgi-middleware-close still is).
    py(
      'import logging',
      '    class Upper:',
      '    def __call__(self, environ, start_response):',
      '        for data in self.application(environ, start_response):',
      '            yield data.upper()',
    ),
  ],
  invalid: [
    {
      code: py(
        '"""Middleware."""',
        'import logging',
        '',
        '',
        'class Upper:',
        '    def __call__(self, environ, start_response):',
        "        environ['upper'] = True",
        '        for data in «self.application(environ, start_response)»:',
        '            yield data.upper()',
      ),
      fixed: py(
        '"""Middleware."""',
        'import logging',
        '',
        '',
        ...CLOSING_ITERABLE,
        'class Upper:',
        '    def __call__(self, environ, start_response):',
        "        environ['upper'] = True",
        '        iterable = self.application(environ, start_response)',
        '        def generate():',
        '            for data in iterable:',
        '                yield data.upper()',
        '        return ClosingIterable(generate(), iterable)',
      ),
      message: ["'Upper.__call__' is a generator", 'self.application(environ, start_response)'],
      severity: 'information',
    },
    {
      // Stored in a variable first: the statements after it move into the inner generator.
      code: py(
        'def upper(app):',
        '    def wrapper(environ, start_response):',
        '        result = «app(environ, start_response)»',
        '        for data in result:',
        '            yield data.upper()',
        '    return wrapper',
      ),
      fixed: py(
        ...CLOSING_ITERABLE,
        'def upper(app):',
        '    def wrapper(environ, start_response):',
        '        result = app(environ, start_response)',
        '        def generate():',
        '            for data in result:',
        '                yield data.upper()',
        '        return ClosingIterable(generate(), result)',
        '    return wrapper',
      ),
    },
    {
      // A start_response wrapper defined before the loop stays where it is (its return is its own).
      code: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        def sr(status, headers, exc_info=None):',
        '            return start_response(status, headers, exc_info)',
        '        for c in «self.app(environ, sr)»:',
        '            yield c',
      ),
      fixed: py(
        ...CLOSING_ITERABLE,
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        def sr(status, headers, exc_info=None):',
        '            return start_response(status, headers, exc_info)',
        '        iterable = self.app(environ, sr)',
        '        def generate():',
        '            for c in iterable:',
        '                yield c',
        '        return ClosingIterable(generate(), iterable)',
      ),
    },
  ],
});
