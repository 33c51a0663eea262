// Every rule over Python files, in the order their reports are listed: one file per rule plus one line here.
import type { PythonRule } from './types';
import { wsgiMiddlewareClose } from './wsgi-middleware-close';
import { wsgiMiddlewareCloseChained } from './wsgi-middleware-close-chained';
import { wsgiMiddlewareWrite } from './wsgi-middleware-write';
import { wsgiMiddlewareContentLength } from './wsgi-middleware-content-length';
import { djangoSettingsSetdefault } from './django-settings-setdefault';

export const pythonRules: readonly PythonRule[] = [
  wsgiMiddlewareClose,
  wsgiMiddlewareCloseChained,
  wsgiMiddlewareWrite,
  wsgiMiddlewareContentLength,
  djangoSettingsSetdefault,
];
