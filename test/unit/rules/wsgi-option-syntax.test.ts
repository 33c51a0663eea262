import { ruleTable } from '../../helpers/rule-table';

ruleTable('wsgi-option-syntax', {
  valid: [
    'WSGIDaemonProcess site threads=5 python-path="/srv/my app"\n',
    "WSGIDaemonProcess site python-home='/srv/venv'\n",
    'WSGIScriptAlias / "/srv/my site/wsgi.py" process-group=site\n',
    // An empty value is a value problem, not a syntax one.
    'WSGIDaemonProcess site threads=\n',
  ],
  invalid: [
    // the value opens a quote it never closes: joined, it would swallow the rest of the line, so no fix
    // (an error on a continued line reaches the end of its logical line, where Apache counts it)
    { code: "WSGIDaemonProcess site «threads ='5 \\»\n" },
    { code: "WSGIDaemonProcess site «threads ='5 \\'»\n" },
    {
      code: 'WSGIDaemonProcess site «threads = 5»\n',
      fixed: 'WSGIDaemonProcess site threads=5\n',
      message: ["write 'threads=5'"],
      severity: 'error',
    },
    { code: 'WSGIDaemonProcess site «threads =5» processes=2\n', fixed: 'WSGIDaemonProcess site threads=5 processes=2\n' },
    { code: 'WSGIDaemonProcess site «python-path = "/a b"»\n', fixed: 'WSGIDaemonProcess site python-path="/a b"\n' },
    { code: 'WSGIDaemonProcess site «threads»\n', message: ["'threads' needs a value", 'threads=15'] },
    { code: 'WSGIDaemonProcess site «=5»\n', message: ['no option name'] },
    { code: 'WSGIScriptAlias / /srv/site/wsgi.py «/srv/other»\n', message: ['after its url-path and script-path', 'A path with a space must be quoted.'] },
    { code: 'WSGIScriptAlias / /srv/site/wsgi.py process-group=a «extra»\n', message: ['after its url-path and script-path'] },
    {
      code: 'WSGIImportScript /srv/a.py «process-group= application-group=%{GLOBAL}»\n',
      fixed: 'WSGIImportScript /srv/a.py process-group=application-group=%{GLOBAL}\n',
      severity: 'warning',
      message: ["takes the next word, 'application-group=%{GLOBAL}', as the value of process-group"],
    },
    {
      code: 'WSGIDaemonProcess site «threads =5 \\\n    processes=2»\n',
      fixed: 'WSGIDaemonProcess site threads=5 \\\n    processes=2\n',
    },
  ],
});
