// Completion table: the cursor is ‸ and the text being replaced «marked»; rows list labels that must and must
// not be offered, and what an item inserts and documents.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver/node';
import { completion } from '../../../server/features/completion';
import { atCursor } from '../../helpers/cursor';

interface Row {
  name: string;
  code: string;
  uri?: string;
  /** Labels that must be offered. */
  has?: string[];
  hasNot?: string[];
  /** Exactly these labels, in this order (after sorting by sortText, then label). */
  exactly?: string[];
  /** label → substrings its documentation must contain. */
  docs?: Record<string, string[]>;
  /** label → the text it inserts. */
  inserts?: Record<string, string>;
}

const GROUPS = [
  'WSGIDaemonProcess global-app processes=2',
  '<VirtualHost *:80>',
  '    ServerName shop.example.com',
  '    WSGIDaemonProcess shop threads=15',
  '</VirtualHost>',
  '<VirtualHost *:80>',
  '    ServerName blog.example.com',
  '    WSGIDaemonProcess blog',
  '    CURSOR',
  '</VirtualHost>',
  '',
].join('\n');

const rows: Row[] = [
  {
    name: 'daemon options after the group name, without those already given',
    code: 'WSGIDaemonProcess shop threads=15 «‸» python-home=/srv/venv\n',
    has: ['processes=', 'user=', 'display-name=', 'maximum-requests='],
    hasNot: ['threads=', 'python-home=', 'process-group='],
    docs: { 'processes=': ['**`processes=`**', 'Default: 1'] },
    inserts: { 'processes=': 'processes=' },
  },
  {
    name: 'a daemon option being typed is replaced',
    code: 'WSGIDaemonProcess shop «proc‸»\n',
    has: ['processes='],
    inserts: { 'processes=': 'processes=' },
  },
  { name: 'no option in place of the group name', code: 'WSGIDaemonProcess «‸»\n', exactly: [] },
  {
    name: 'WSGIScriptAlias options after its two paths',
    code: 'WSGIScriptAlias / /srv/wsgi.py «‸»\n',
    exactly: ['application-group=', 'callable-object=', 'pass-authorization=', 'process-group='],
  },
  { name: 'no option in place of the script path', code: 'WSGIScriptAlias / «‸»\n', exactly: [] },
  {
    name: 'group names and special values after WSGIProcessGroup: own vhost, then global, then others',
    code: GROUPS.replace('CURSOR', 'WSGIProcessGroup «‸»'),
    exactly: ['blog', 'global-app', 'shop', '%{ENV:variable}', '%{GLOBAL}', '%{HOST}', '%{RESOURCE}', '%{SERVER}'],
    docs: { shop: ['**Daemon process group `shop`**', 'in shop.example.com (*:80)'], '%{GLOBAL}': ['embedded'] },
    inserts: { '%{ENV:variable}': '%{ENV:${1:variable}\\}' },
  },
  {
    name: 'group names after process-group= replace only the value',
    code: GROUPS.replace('CURSOR', 'WSGIScriptAlias / /srv/blog/wsgi.py process-group=«bl‸»'),
    has: ['blog', 'shop', '%{GLOBAL}'],
    inserts: { blog: 'blog' },
  },
  {
    name: 'application-group= offers interpreters, not daemon groups',
    code: 'WSGIDaemonProcess shop\nWSGIScriptAlias / /srv/wsgi.py application-group=«‸»\n',
    exactly: ['%{ENV:variable}', '%{GLOBAL}', '%{HOST}', '%{RESOURCE}', '%{SERVER}'],
    docs: { '%{GLOBAL}': ['C extensions', 'Why it matters'] },
  },
  {
    name: 'WSGIApplicationGroup takes the same values',
    code: 'WSGIApplicationGroup «%{G‸»\n',
    has: ['%{GLOBAL}'],
    inserts: { '%{GLOBAL}': '%{GLOBAL}' },
  },
  { name: 'display-name=%{GROUP}', code: 'WSGIDaemonProcess shop display-name=«‸»\n', exactly: ['%{GROUP}'] },
  {
    name: 'On/Off for an on-off option',
    code: 'WSGIScriptAlias / /srv/wsgi.py pass-authorization=«‸»\n',
    exactly: ['Off', 'On'],
    docs: { On: ['**`pass-authorization=`**'] },
  },
  {
    name: 'Require providers',
    code: '<Directory /srv>\n    Require «‸»\n</Directory>\n',
    has: ['all', 'ip', 'host', 'valid-user', 'wsgi-group', 'env'],
    hasNot: ['not'],
    docs: { all: ['mod_authz_core.c'], 'wsgi-group': ['WSGIAuthGroupScript'] },
  },
  {
    name: 'Require not inside <RequireAll>',
    code: '<Directory /srv>\n<RequireAll>\n    Require «n‸»\n</RequireAll>\n</Directory>\n',
    has: ['not', 'ip'],
  },
  { name: 'Require all granted|denied', code: '<Location />\n    Require all «‸»\n</Location>\n', exactly: ['denied', 'granted'] },
  { name: 'Require Not all granted|denied (not in any case)', code: '<RequireAll>\n    Require Not all «‸»\n</RequireAll>\n', exactly: ['denied', 'granted'] },
  {
    name: 'Define variables after ${',
    code: 'Define ROOT /srv\nDefine APP shop\nAlias /static ${«R‸»\n',
    exactly: ['APP', 'ROOT'],
    inserts: { ROOT: 'ROOT}' },
    docs: { ROOT: ['set to `/srv` on line 1'] },
  },
  {
    name: 'expression variables after %{ in an <If> condition',
    code: `<If "%{HTTP_HOST} == 'a' && %{«RE‸»">\n</If>\n`,
    has: ['REQUEST_URI', 'REMOTE_ADDR', 'HTTP_HOST', 'TIME_HOUR'],
    hasNot: ['ROOT', 'GLOBAL'],
    inserts: { REQUEST_URI: 'REQUEST_URI}' },
    docs: { HTTP_HOST: ['a request header', 'expr.html#vars'] },
  },
  {
    name: 'expression variables in Require expr and a Header expr= condition, without a second brace',
    code: `<Location /a>\n    Require expr %{REMOTE_ADDR} -ipmatch '10.0.0.0/8' || %{«‸}\n</Location>\n`,
    has: ['HTTP_HOST', 'HTTPS'],
    inserts: { HTTPS: 'HTTPS' },
  },
  {
    name: 'expression variables in a Header expr= condition',
    code: `Header always set X-Frame-Options DENY "expr=%{«‸»"\n`,
    has: ['REQUEST_STATUS'],
  },
  {
    name: 'no expression variables in a mod_headers format string',
    code: `Header set X-Path "%{«‸»"\n`,
    hasNot: ['REQUEST_URI'],
  },
  {
    name: 'no second brace when the editor already closed it',
    code: 'Define ROOT /srv\nAlias /static ${«‸}/static\n',
    inserts: { ROOT: 'ROOT' },
  },
  { name: 'variables in <IfDefine>', code: 'Define DEBUG\n<IfDefine «‸»>\n</IfDefine>\n', exactly: ['DEBUG'] },
  { name: 'variables in <IfDefine !…>', code: 'Define DEBUG\n<IfDefine !«D‸»>\n</IfDefine>\n', exactly: ['DEBUG'] },
  {
    name: 'the closing tag of the open section',
    code: '<VirtualHost *:80>\n    <Directory /srv>\n    «</‸»\n</VirtualHost>\n',
    exactly: ['</Directory>'],
    inserts: { '</Directory>': '</Directory>' },
  },
  {
    name: 'the closing tag without doubling a > already typed',
    code: '<Location />\n«</Lo‸»>\n',
    inserts: { '</Location>': '</Location' },
  },
  {
    name: 'sections come with their closing tag',
    code: '«<Vir‸»\n',
    has: ['<VirtualHost>', '<IfModule>'],
    inserts: { '<Else>': '<Else>\n\t$0\n</Else>' },
  },
  { name: 'nothing in a comment', code: '# WSGIDaemon«‸»\n', exactly: [] },
  {
    name: 'inside <Directory>: what Apache accepts there',
    code: '<Directory /srv>\n    «‸»\n</Directory>\n',
    has: ['Require', 'Options', 'WSGIProcessGroup', 'WSGIApplicationGroup', '<Files>', '<RequireAny>', '<IfModule>', '</Directory>'],
    hasNot: ['WSGIDaemonProcess', 'ServerName', 'Listen', 'WSGIScriptAlias', '<Directory>', '<VirtualHost>', '<Location>'],
  },
  {
    name: 'a transparent <IfModule> keeps the directory context',
    code: '<Location />\n<IfModule mod_wsgi.c>\n    «‸»\n</IfModule>\n</Location>\n',
    has: ['Require', 'WSGIProcessGroup'],
    hasNot: ['WSGIDaemonProcess', 'Listen', '<Location>'],
  },
  {
    name: 'inside <VirtualHost>',
    code: '<VirtualHost *:80>\n    «Serv‸»\n</VirtualHost>\n',
    has: ['ServerName', 'ServerAlias', 'WSGIDaemonProcess', 'WSGIScriptAlias', '<Directory>', '<Location>'],
    hasNot: ['Require', 'Listen', 'WSGIRestrictEmbedded', 'WSGIPythonHome', '<VirtualHost>'],
    docs: { WSGIDaemonProcess: ['- Module: `mod_wsgi.c`'] },
    inserts: { WSGIDaemonProcess: 'WSGIDaemonProcess ', '<Directory>': '<Directory ${1:directory-path}>\n\t$0\n</Directory>' },
  },
  {
    name: 'top level',
    code: '«‸»\n',
    has: ['Listen', 'WSGIRestrictEmbedded', 'WSGIPythonHome', '<VirtualHost>', '<Directory>'],
    hasNot: ['Require', 'Port', 'WSGIPy3kWarningFlag', '</VirtualHost>'],
  },
  {
    name: 'a section being typed at the end of the file still gives its context',
    code: '<Directory /srv>\n    «Req‸»',
    has: ['Require'],
    hasNot: ['Listen'],
  },
  {
    name: '.htaccess: only what AllowOverride can allow',
    code: '«‸»\n',
    uri: 'file:///ws/www/.htaccess',
    has: ['Require', 'Options', 'RewriteEngine'],
    hasNot: ['WSGIDaemonProcess', 'Listen', 'ServerName', '<VirtualHost>'],
  },
  {
    name: 'inside <RequireAll>',
    code: '<Directory /srv>\n<RequireAll>\n    «‸»\n</RequireAll>\n</Directory>\n',
    has: ['Require', '<RequireAny>', '</RequireAll>'],
  },
  { name: 'keywords of a directive', code: 'HostnameLookups «‸»\n', exactly: ['Double', 'Off', 'On'], docs: { Double: ['**`HostnameLookups`**'] } },
  { name: 'On/Off for a FLAG directive', code: '<VirtualHost *:80>\nKeepAlive «O‸»\n</VirtualHost>\n', exactly: ['Off', 'On'] },
  { name: 'On/Off for a mod_wsgi switch', code: 'WSGIRestrictEmbedded «‸»\n', exactly: ['Off', 'On'] },
  { name: 'no keywords for a second argument', code: 'HostnameLookups On «‸»\n', exactly: [] },
  // the swept tables: an option list's words, a number directive's keywords, a keyword directive found by the sweep
  { name: 'words of an option list', code: 'RewriteOptions «‸»\n', has: ['Inherit', 'InheritDown', 'AllowNoSlash'] },
  { name: 'keywords a number directive takes', code: 'MaxRanges «‸»\n', exactly: ['default', 'none', 'unlimited'] },
  { name: 'keywords found by the value sweep', code: 'SSLVerifyClient «‸»\n', exactly: ['none', 'optional', 'optional_no_ca', 'require'] },
  {
    name: 'a directive name typed before its arguments gets no extra blank',
    code: '<VirtualHost *:80>\n    «ServerN‸» shop.example.com\n</VirtualHost>\n',
    has: ['ServerName'],
    inserts: { ServerName: 'ServerName' },
  },
];

function sorted(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

for (const row of rows) {
  test(`completion: ${row.name}`, () => {
    const c = atCursor(row.code, row.uri);
    const items = completion(c.analysis, c.position);
    const labels = items.map((i) => i.label);
    if (row.exactly) assert.deepEqual(sorted(items).map((i) => i.label), row.exactly);
    for (const l of row.has ?? []) assert.ok(labels.includes(l), `missing ${l} in ${labels.join(', ')}`);
    for (const l of row.hasNot ?? []) assert.ok(!labels.includes(l), `unexpected ${l}`);
    for (const item of items) {
      const doc = item.documentation as { kind: string; value: string } | undefined;
      assert.ok(doc && doc.kind === 'markdown' && doc.value.length > 0, `${item.label} is not documented`);
      if (c.span) {
        const edit = item.textEdit as TextEdit;
        const lines = c.analysis.lines;
        assert.deepEqual(edit.range, { start: lines.positionAt(c.span.start), end: lines.positionAt(c.span.end) }, `range of ${item.label}`);
      }
    }
    for (const [label, parts] of Object.entries(row.docs ?? {})) {
      const item = items.find((i) => i.label === label);
      assert.ok(item, label);
      const value = (item.documentation as { value: string }).value;
      for (const p of parts) assert.ok(value.includes(p), `${label} documentation lacks ${JSON.stringify(p)}:\n${value}`);
    }
    for (const [label, text] of Object.entries(row.inserts ?? {})) {
      const item = items.find((i) => i.label === label);
      assert.ok(item, label);
      assert.equal((item.textEdit as TextEdit).newText, text);
    }
  });
}
