// Hover table: the cursor is ‸, the expected hover range «marked»; each row names text the hover must contain.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hover } from '../../../server/features/hover';
import { atCursor } from '../../helpers/cursor';

interface Row {
  name: string;
  code: string;
  /** Substrings of the markdown; omit (with none) when no hover is expected. */
  has?: string[];
  hasNot?: string[];
  none?: boolean;
}

const SITE = [
  'Define ROOT /srv/shop',
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    WSGIDaemonProcess shop processes=2 threads=15 python-home=${ROOT}/venv',
  '    WSGIProcessGroup shop',
  '    WSGIScriptAlias / ${ROOT}/wsgi.py process-group=shop',
  '</VirtualHost>',
  '',
].join('\n');

/** SITE with the cursor and range markers placed at the n-th occurrence of `find` (markers written in `marked`). */
function inSite(find: string, marked: string, nth = 0): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = SITE.indexOf(find, at + 1);
  assert.ok(at >= 0, find);
  return SITE.slice(0, at) + marked + SITE.slice(at + find.length);
}

const rows: Row[] = [
  {
    name: 'an expression variable in an <If> condition',
    code: `<If "«%{HTTP_H‸OST}» == 'shop.example.com'">\n</If>\n`,
    has: ['**`%{HTTP_HOST}`**', 'a request header', 'expr.html#vars'],
  },
  {
    name: 'an expression variable in Require expr, any case; a module prefix',
    code: `<Location /a>\n    Require expr «%{remote_‸addr}» -ipmatch '10.0.0.0/8' || %{SSL_PROTOCOL} == 'TLSv1.3'\n</Location>\n`,
    has: ['**`%{REMOTE_ADDR}`**', 'the request'],
  },
  {
    name: 'a variable of mod_ssl',
    code: `SetEnvIfExpr "«%{SSL_PRO‸TOCOL}» == 'TLSv1'" legacy_tls\n`,
    has: ['provided by mod_ssl'],
  },
  { name: 'no expression hover for an unknown variable', code: `<If "%{HTTP_HO‸TS} == 'x'">\n</If>\n`, none: true },
  { name: 'no expression hover in a mod_headers format', code: `Header set X-Path "%{REQUEST_U‸RI}e"\n`, none: true },
  {
    name: 'daemon option: meaning, default, range, link',
    code: 'WSGIDaemonProcess shop processes=2 «thr‸eads=15»\n',
    has: ['**`threads=`**', 'WSGIDaemonProcess option', 'Request threads in each daemon process', '- Default: 15', '- Allowed: 0 to 65533', 'configuration-directives/WSGIDaemonProcess.html'],
  },
  {
    name: 'daemon option on a continued line',
    code: 'WSGIDaemonProcess shop \\\n    «maximum-req‸uests=1000»\n',
    has: ['**`maximum-requests=`**', 'Default: 0 (never)'],
  },
  {
    name: 'option added after 4.1 says since when',
    code: 'WSGIDaemonProcess shop «restart-inter‸val=3600»\n',
    has: ['Since mod_wsgi 4.5.12'],
  },
  {
    name: 'group name where it is defined: options and users',
    code: inSite('shop processes', '«sh‸op» processes'),
    has: ['**Daemon process group `shop`**', 'Defined by `WSGIDaemonProcess` on line 4, in shop.example.com (*:80)', '- `processes=2`', '- `threads=15`', '- `python-home=${ROOT}/venv`', 'Used by 2 directives:', '- WSGIProcessGroup on line 5', '- WSGIScriptAlias process-group= on line 6'],
  },
  {
    name: 'group name in WSGIProcessGroup',
    code: inSite('WSGIProcessGroup shop', 'WSGIProcessGroup «s‸hop»'),
    has: ['**Daemon process group `shop`**', 'on line 4', 'Used by 2 directives:'],
  },
  {
    name: 'group name in process-group= covers only the value',
    code: inSite('process-group=shop', 'process-group=«sho‸p»'),
    has: ['**Daemon process group `shop`**'],
  },
  {
    name: 'the option name of process-group= explains the option',
    code: inSite('process-group=shop', '«proc‸ess-group=shop»'),
    has: ['**`process-group=`**', '(WSGIScriptAlias option)', 'configuration-directives/WSGIScriptAlias.html'],
  },
  {
    name: 'a group nobody defines',
    code: 'WSGIProcessGroup «mis‸sing»\n',
    has: ['No `WSGIDaemonProcess missing` in this file.', 'Used by 1 directive:', '- WSGIProcessGroup on line 1, at server level'],
  },
  {
    name: 'a group nothing uses',
    code: 'WSGIDaemonProcess «id‸le»\n',
    has: ['Nothing delegates to it', '- no options: 1 process with 15 threads'],
  },
  {
    name: '%{GLOBAL} as application group: main interpreter, why it matters',
    code: 'WSGIApplicationGroup «%{GLO‸BAL}»\n',
    has: ['**`%{GLOBAL}`** as an application group', 'main Python interpreter', 'Why it matters', 'C extensions'],
  },
  {
    name: '%{GLOBAL} as process group: embedded mode',
    code: 'WSGIProcessGroup «%{GLOB‸AL}»\n',
    has: ['as a process group', 'embedded in the Apache child processes'],
    hasNot: ['Why it matters'],
  },
  {
    name: '%{ENV:…} as application group',
    code: 'WSGIApplicationGroup «%{ENV:APP_‸GROUP}»\n',
    has: ['**`%{ENV:APP_GROUP}`**', 'environment variable', 'Expanded for every request'],
  },
  {
    name: '%{RESOURCE} in application-group=',
    code: 'WSGIScriptAlias / /srv/wsgi.py application-group=«%{RESO‸URCE}»\n',
    has: ['**`%{RESOURCE}`** as an application group', 'One interpreter per virtual host and script URL'],
  },
  {
    name: '%{GROUP} in display-name=',
    code: 'WSGIDaemonProcess shop display-name=«%{GR‸OUP}»\n',
    has: ['in display-name=', '(wsgi:<group name>)'],
  },
  {
    name: 'an unknown %{…} form is taken literally',
    code: 'WSGIApplicationGroup «%{glob‸al}»\n',
    has: ['**`%{global}`** is not a value mod_wsgi expands here', 'used literally'],
  },
  {
    name: '${VAR} shows its Define',
    code: inSite('${ROOT}/wsgi', '«${RO‸OT}»/wsgi'),
    has: ['**Variable `${ROOT}`**', '- set to `/srv/shop` on line 1', '2 uses in this file.'],
  },
  {
    name: 'the Define itself',
    code: 'Define «DE‸BUG»\n<IfDefine DEBUG>\nLogLevel debug\n</IfDefine>\n',
    has: ['**Variable `${DEBUG}`**', '- defined without a value on line 1', '1 use in this file.'],
  },
  {
    name: '<IfDefine NAME> is a use of the variable',
    code: 'Define DEBUG\n<IfDefine !«DEB‸UG»>\n</IfDefine>\n',
    has: ['**Variable `${DEBUG}`**', 'on line 1'],
  },
  {
    name: 'a variable defined nowhere in the file',
    code: 'ErrorLog «${APACHE_LOG‸_DIR}»/error.log\n',
    has: ['No `Define APACHE_LOG_DIR` in this file', 'envvars'],
  },
  {
    name: 'Require provider',
    code: '<Directory /srv>\n    Require «al‸l» granted\n</Directory>\n',
    has: ['**`Require all`**', 'mod_authz_core.c', 'Require all granted|denied', 'mod_authz_core.html'],
  },
  {
    name: 'Require not provider',
    code: '<Directory /srv>\n<RequireAll>\n    Require not «i‸p» 10.0.0.1\n</RequireAll>\n</Directory>\n',
    has: ['**`Require ip`**', 'mod_authz_host.c'],
  },
  {
    name: 'Require NOT provider (httpd reads not in any case)',
    code: '<Directory /srv>\n<RequireAll>\n    Require NOT «i‸p» 10.0.0.1\n</RequireAll>\n</Directory>\n',
    has: ['**`Require ip`**', 'mod_authz_host.c'],
  },
  {
    name: 'positional argument of WSGIScriptAlias',
    code: 'WSGIScriptAlias «/a‸pi» /srv/api/wsgi.py\n',
    has: ['**url-path** (WSGIScriptAlias argument)', 'configuration-directives/WSGIScriptAlias.html'],
  },
  {
    name: 'section without catalogue entry still says what the parser knows',
    code: '«<MDomain‸Set» example.com>\n</MDomainSet>\n',
    has: ['`<MDomainSet>`'],
  },
  {
    name: 'mod_wsgi directive: summary, syntax, places, module, link',
    code: '«WSGIDaemon‸Process» shop processes=2\n',
    has: ['**`WSGIDaemonProcess`** — ', '```apacheconf\nWSGIDaemonProcess name', '- Allowed in: server config, `<VirtualHost>`\n', '- Module: `mod_wsgi.c`', '[mod_wsgi documentation](https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIDaemonProcess.html)'],
  },
  {
    name: 'Apache directive: default and .htaccess class',
    code: '<Directory /srv>\n    «Opti‸ons» None\n</Directory>\n',
    has: ['**`Options`**', '- Default: ', '.htaccess (with `AllowOverride Options`)', '- Module: `core.c`', '[Apache documentation](https://httpd.apache.org/docs/2.4/mod/core.html#options)'],
  },
  {
    name: 'directive names are case-insensitive',
    code: '«hostnamel‸ookups» off\n',
    has: ['**`HostnameLookups`**', 'HostnameLookups On|Off|Double', 'every directory section'],
  },
  {
    name: 'section name in the opening tag',
    code: '«<Virtual‸Host» *:80>\n</VirtualHost>\n',
    has: ['**`<VirtualHost>`**', '- Allowed in: server config\n', 'core.html#virtualhost'],
    hasNot: ['keep the context'],
  },
  {
    name: 'section name in the closing tag; a transparent section says so',
    code: '<IfModule mod_wsgi.c>\n«</IfMo‸dule>»\n',
    has: ['**`<IfModule>`**', 'the directives inside keep the context around it'],
  },
  { name: 'comment', code: '# WSGIDaemon‸Process shop\n', none: true },
  { name: 'unknown directive', code: 'Frobnic‸ate on\n', none: true },
  { name: 'plain argument', code: 'ServerName shop.exa‸mple.com\n', none: true },
  { name: 'blank line', code: 'Listen 80\n‸\n', none: true },
  { name: 'past the end', code: 'Listen 80\n‸', none: true },
];

for (const row of rows) {
  test(`hover: ${row.name}`, () => {
    const c = atCursor(row.code);
    const h = hover(c.analysis, c.position);
    if (row.none) {
      assert.equal(h, null);
      return;
    }
    assert.ok(h, 'a hover is expected');
    const value = (h.contents as { value: string }).value;
    for (const s of row.has ?? []) assert.ok(value.includes(s), `hover lacks ${JSON.stringify(s)}:\n${value}`);
    for (const s of row.hasNot ?? []) assert.ok(!value.includes(s), `hover should not contain ${JSON.stringify(s)}:\n${value}`);
    if (c.span) {
      const lines = c.analysis.lines;
      assert.deepEqual(h.range, { start: lines.positionAt(c.span.start), end: lines.positionAt(c.span.end) }, 'hover range');
    }
  });
}
