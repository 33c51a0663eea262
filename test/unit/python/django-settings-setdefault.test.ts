import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pythonRuleTable, py } from './python-table';
import { analyzeText } from '../../../server/service';
import type { ScriptServing } from '../../../server/workspace/scripts-serving';

pythonRuleTable('django-settings-setdefault', {
  valid: [
    // Plain assignment: each script sets its own value.
    py('import os', "os.environ['DJANGO_SETTINGS_MODULE'] = 'shop.settings'", 'from django.core.wsgi import get_wsgi_application', 'application = get_wsgi_application()'),
    // manage.py: inside main(), or under the __main__ guard, never run by mod_wsgi.
    py('import os', 'def main():', "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')"),
    py('import os', "if __name__ == '__main__':", "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')"),
    // Another variable, or the WSGI environ (no `from os import environ`).
    py('import os', "os.environ.setdefault('LANG', 'C.UTF-8')"),
    py('environ = {}', "environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')"),
  ],
  invalid: [
    {
      // Django's generated wsgi.py.
      uri: 'file:///srv/shop/shop/wsgi.py',
      code: py(
        'import os',
        '',
        'from django.core.wsgi import get_wsgi_application',
        '',
        "«os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')»",
        '',
        'application = get_wsgi_application()',
      ),
      fixed: py(
        'import os',
        '',
        'from django.core.wsgi import get_wsgi_application',
        '',
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'shop.settings'",
        '',
        'application = get_wsgi_application()',
      ),
      // No configuration in view serves it (a lone Django project): information, not a warning.
      message: ['setdefault()', 'DJANGO_SETTINGS_MODULE', 'Could not see a configuration that serves this script', "os.environ['DJANGO_SETTINGS_MODULE'] = 'shop.settings'"],
      severity: 'information',
    },
    {
      uri: 'file:///srv/blog/blog.wsgi',
      code: py('from os import environ', 'try:', '    «environ.setdefault("DJANGO_SETTINGS_MODULE", "blog.settings")»', 'except KeyError:', '    pass'),
      fixed: py('from os import environ', 'try:', '    environ["DJANGO_SETTINGS_MODULE"] = "blog.settings"', 'except KeyError:', '    pass'),
    },
    {
      // Its value is used: reported, no fix (an assignment is no expression).
      code: py('import os', "name = «os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'a.settings')»"),
    },
  ],
});

// With the configurations in view: a warning naming the alias that shares its process, nothing when each serving
// alias has a process of its own.
const WSGI = py('import os', "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')", 'application = None');
const found = (serving: ScriptServing) =>
  analyzeText('file:///ws/shop/wsgi.py', WSGI, 0, {}, undefined, { servingOf: () => serving }).reports.filter((r) => r.rule === 'django-settings-setdefault');

test('django-settings-setdefault: served from a shared process, the warning says by which alias and with whom', () => {
  const shared = found({
    aliases: [{ label: "'/shop' of the main server (outside any <VirtualHost>), in /etc/apache2/sites-enabled/shop.conf,", shared: "daemon group 'sites' with '/blog' (/srv/blog/wsgi.py)" }],
    key: 'k1',
  });
  assert.equal(shared.length, 1);
  assert.equal(shared[0].severity, 'warning');
  assert.match(shared[0].message, /Here '\/shop' of the main server \(outside any <VirtualHost>\), in \/etc\/apache2\/sites-enabled\/shop\.conf, shares daemon group 'sites' with '\/blog'/);
});

test('django-settings-setdefault: served only by aliases with a process of their own, nothing is said', () => {
  assert.deepEqual(found({ aliases: [{ label: "'/' in 'shop.example.com'" }], key: 'k2' }), []);
  assert.equal(found({ aliases: [], key: '' })[0].severity, 'information');
});
