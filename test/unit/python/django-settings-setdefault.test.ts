import { pythonRuleTable, py } from './python-table';

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
      message: ['setdefault()', 'DJANGO_SETTINGS_MODULE', 'share', "os.environ['DJANGO_SETTINGS_MODULE'] = 'shop.settings'"],
      severity: 'warning',
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
