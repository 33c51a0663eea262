import { CLOSING_ITERABLE, pythonRuleTable, py } from './python-table';

const CLOSE = ["if hasattr(iterable, 'close'):", '    iterable.close()'];

pythonRuleTable('wsgi-middleware-close', {
  valid: [
    // Pass-through: the server gets the response and closes it.
    py('class PassThrough:', '    def __call__(self, environ, start_response):', '        return self.application(environ, start_response)'),
    // Closed in finally, through a variable.
    py(
      'def factory(app):',
      '    def wrapper(environ, start_response):',
      '        result = app(environ, start_response)',
      '        try:',
      '            for chunk in result:',
      '                yield chunk',
      '        finally:',
      "            if hasattr(result, 'close'):",
      '                result.close()',
      '    return wrapper',
    ),
    // getattr(…, 'close') in finally counts too.
    py(
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        result = self.app(environ, start_response)',
      '        try:',
      "            body = b''.join(result)",
      '        finally:',
      "            close = getattr(result, 'close', None)",
      '            if close is not None:',
      '                close()',
      '        return [body]',
    ),
    // contextlib.closing around the call.
    py(
      'from contextlib import closing',
      'class M:',
      '    def __call__(self, environ, start_response):',
      '        with closing(self.app(environ, start_response)) as it:',
      '            for chunk in it:',
      '                yield chunk',
    ),
    // Handed to a wrapper object: not iterated here.
    py('class M:', '    def __call__(self, environ, start_response):', '        return Wrapper(self.app(environ, start_response), self.log)'),
    // Not WSGI-shaped: three plain parameters, or a call without environ.
    py('def helper(a, b, c):', '    for x in g(a, b):', '        yield x'),
    py('def view(environ, start_response):', "    start_response('200 OK', [])", "    return [b''.join(parts(x, y))]"),
  ],
  invalid: [
    {
      // The shape: a class whose __call__ loops over the wrapped application's response.
      code: py(
        'class Upper:',
        '    def __init__(self, application):',
        '        self.application = application',
        '',
        '    def __call__(self, environ, start_response):',
        '        for data in «self.application(environ, start_response)»:',
        '            yield data.upper()',
      ),
      fixed: py(
        'class Upper:',
        '    def __init__(self, application):',
        '        self.application = application',
        '',
        '    def __call__(self, environ, start_response):',
        '        iterable = self.application(environ, start_response)',
        '        try:',
        '            for data in iterable:',
        '                yield data.upper()',
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
      ),
      message: ["'Upper.__call__'", 'self.application(environ, start_response)', 'close()', 'finally'],
      severity: 'warning',
    },
    {
      // Nested functions, iter() around the call, yield from.
      code: py(
        'def upper(app):',
        '    def wrapper(environ, start_response):',
        '        yield from iter(«app(environ, start_response)»)',
        '    return wrapper',
      ),
      fixed: py(
        'def upper(app):',
        '    def wrapper(environ, start_response):',
        '        iterable = app(environ, start_response)',
        '        try:',
        '            yield from iter(iterable)',
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
        '    return wrapper',
      ),
      message: ["'wrapper'"],
    },
    {
      // The error-reporting middleware: its except clause and body stay; the finally joins them.
      code: py(
        'class ErrorReporter:',
        '    def __call__(self, environ, start_response):',
        '        try:',
        '            for chunk in «self.app(environ, start_response)»:',
        '                yield chunk',
        '        except Exception:',
        '            self.report(environ, sys.exc_info())',
        '            raise',
      ),
      fixed: py(
        'class ErrorReporter:',
        '    def __call__(self, environ, start_response):',
        '        iterable = None',
        '        try:',
        '            iterable = self.app(environ, start_response)',
        '            for chunk in iterable:',
        '                yield chunk',
        '        except Exception:',
        '            self.report(environ, sys.exc_info())',
        '            raise',
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
      ),
    },
    {
      // A finally that does something else gets the close first.
      code: py(
        'class Timer:',
        '    def __call__(self, environ, start_response):',
        '        started = time.time()',
        '        try:',
        '            for chunk in «self.app(environ, start_response)»:',
        '                yield chunk',
        '        finally:',
        '            log(time.time() - started)',
      ),
      fixed: py(
        'class Timer:',
        '    def __call__(self, environ, start_response):',
        '        started = time.time()',
        '        iterable = None',
        '        try:',
        '            iterable = self.app(environ, start_response)',
        '            for chunk in iterable:',
        '                yield chunk',
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
        '            log(time.time() - started)',
      ),
    },
    {
      // Kept in a variable first: everything after the assignment goes inside try.
      code: py(
        'class Counter:',
        '    def __call__(self, environ, start_response):',
        '        result = «self.app(environ, start_response)»',
        '        count = 0',
        '        for chunk in result:',
        '            count += len(chunk)',
        '            yield chunk',
        '        self.total += count',
      ),
      fixed: py(
        'class Counter:',
        '    def __call__(self, environ, start_response):',
        '        result = self.app(environ, start_response)',
        '        try:',
        '            count = 0',
        '            for chunk in result:',
        '                count += len(chunk)',
        '                yield chunk',
        '        finally:',
        "            if hasattr(result, 'close'):",
        '                result.close()',
        '        self.total += count',
      ),
    },
    {
      // A buffering middleware: join() consumes the response.
      code: py(
        'class Buffer:',
        '    def __call__(self, environ, start_response):',
        "        body = b''.join(«self.app(environ, start_response)»)",
        '        return [body]',
      ),
      fixed: py(
        'class Buffer:',
        '    def __call__(self, environ, start_response):',
        '        iterable = self.app(environ, start_response)',
        '        try:',
        "            body = b''.join(iterable)",
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
        '        return [body]',
      ),
    },
    {
      // A list comprehension returned at once.
      code: py('def wrap(app):', '    def mw(environ, start_response):', '        return [c.lower() for c in «app(environ, start_response)»]', '    return mw'),
      fixed: py(
        'def wrap(app):',
        '    def mw(environ, start_response):',
        '        iterable = app(environ, start_response)',
        '        try:',
        '            return [c.lower() for c in iterable]',
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
        '    return mw',
      ),
    },
    {
      // A lazy generator expression handed back: only a wrapper whose close() delegates is right.
      code: py(
        'import re',
        '',
        '',
        'class Lower:',
        '    def __call__(self, environ, start_response):',
        '        return (chunk.lower() for chunk in «self.app(environ, start_response)»)',
      ),
      fixed: py(
        'import re',
        '',
        '',
        ...CLOSING_ITERABLE,
        'class Lower:',
        '    def __call__(self, environ, start_response):',
        '        iterable = self.app(environ, start_response)',
        '        return ClosingIterable((chunk.lower() for chunk in iterable), iterable)',
      ),
      message: ['lazy iterator'],
    },
    {
      // map() is lazy too; the helper class is reused when the file has it.
      code: py(
        'class ClosingIterable:',
        '    def close(self):',
        '        pass',
        '',
        '',
        'def lower(app):',
        '    def mw(environ, start_response):',
        '        return map(bytes.lower, «app(environ, start_response)»)',
        '    return mw',
      ),
      fixed: py(
        'class ClosingIterable:',
        '    def close(self):',
        '        pass',
        '',
        '',
        'def lower(app):',
        '    def mw(environ, start_response):',
        '        iterable = app(environ, start_response)',
        '        return ClosingIterable(map(bytes.lower, iterable), iterable)',
        '    return mw',
      ),
    },
    {
      // Tabs and CRLF are kept; a multi-line string inside the moved block is not re-indented.
      code: 'class T:\r\n\tdef __call__(self, environ, start_response):\r\n\t\tfor d in «self.app(environ, start_response)»:\r\n\t\t\tyield d + b"""\r\nfooter\r\n"""\r\n',
      fixed:
        'class T:\r\n\tdef __call__(self, environ, start_response):\r\n\t\titerable = self.app(environ, start_response)\r\n\t\ttry:\r\n\t\t\tfor d in iterable:\r\n\t\t\t\tyield d + b"""\r\nfooter\r\n"""\r\n' +
        "\t\tfinally:\r\n\t\t\tif hasattr(iterable, 'close'):\r\n\t\t\t\titerable.close()\r\n",
    },
    {
      // The name `iterable` is taken: a fresh one is used.
      code: py('class M:', '    def __call__(self, environ, start_response):', '        iterable = []', '        for d in «self.app(environ, start_response)»:', '            iterable.append(d)', '        return iterable'),
      fixed: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        iterable = []',
        '        iterable_2 = self.app(environ, start_response)',
        '        try:',
        '            for d in iterable_2:',
        '                iterable.append(d)',
        '        finally:',
        "            if hasattr(iterable_2, 'close'):",
        '                iterable_2.close()',
        '        return iterable',
      ),
    },
    {
      // A call spread over lines moves whole; only the lines outside it are re-indented.
      code: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        for d in «self.app(',
        '                environ,',
        '                start_response)»:',
        '            yield d',
      ),
      fixed: py(
        'class M:',
        '    def __call__(self, environ, start_response):',
        '        iterable = self.app(',
        '                environ,',
        '                start_response)',
        '        try:',
        '            for d in iterable:',
        '                yield d',
        '        finally:',
        ...CLOSE.map((l) => '            ' + l),
      ),
    },
    {
      // Sharing a line with another statement: reported, but no fix is offered (it could not be exact).
      code: py('class M:', '    def __call__(self, environ, start_response):', "        n = 0; body = b''.join(«self.app(environ, start_response)»)", '        return [body]'),
    },
    {
      // A conditional expression: hoisting the call would run the application when it should not.
      code: py('class M:', '    def __call__(self, environ, start_response):', "        body = b'' if self.off else b''.join(«self.app(environ, start_response)»)", '        return [body]'),
    },
  ],
});
