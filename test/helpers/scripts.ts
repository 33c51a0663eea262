// A workspace of WSGI scripts in memory for the script rules' tables (wsgi-script-missing, wsgi-callable-missing,
// django-settings-setdefault on the config side).
import { MemoryFiles } from '../../server/workspace/files';
import { ScriptIndex } from '../../server/workspace/scripts';

export const DJANGO_WSGI = (project: string) =>
  [
    'import os',
    '',
    'from django.core.wsgi import get_wsgi_application',
    '',
    `os.environ.setdefault('DJANGO_SETTINGS_MODULE', '${project}.settings')`,
    '',
    'application = get_wsgi_application()',
    '',
  ].join('\n');

export const FLASK_APP = ['from flask import Flask', '', 'app = Flask(__name__)', ''].join('\n');

/** Files under /ws (the workspace folder) and a few absolute ones elsewhere (/srv/…), as on a server. */
export function scriptWorkspace(files: Record<string, string>, options: { readOutside?: boolean } = {}): ScriptIndex {
  return new ScriptIndex(new MemoryFiles(files), { folders: ['/ws'], readOutside: options.readOutside ?? true });
}

export const WORKSPACE: Record<string, string> = {
  '/ws/shop/shop/wsgi.py': DJANGO_WSGI('shop'),
  '/ws/shop/shop/settings.py': 'DEBUG = False\n',
  '/ws/blog/blog/wsgi.py': DJANGO_WSGI('blog'),
  '/ws/flaskapp/site.wsgi': FLASK_APP,
  '/ws/api/api/wsgi.py': 'from api.server import make\n\napi = make()\n',
  '/ws/plain/plain.wsgi': 'def application(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n',
  '/ws/star/star.wsgi': 'from star.app import *\n',
  '/ws/broken/broken.wsgi': 'def application(environ, start_response:\n    return [\n',
  '/ws/one/x/wsgi.py': 'application = None\n',
  '/ws/two/x/wsgi.py': 'application = None\n',
  '/ws/node_modules/pkg/deep/hidden.wsgi': 'application = None\n',
  '/srv/ondisk/ondisk.wsgi': 'import sys\n',
  '/srv/ondisk/wsgi-dir/index.py': 'application = None\n',
};
