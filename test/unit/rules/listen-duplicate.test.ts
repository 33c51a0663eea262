// listen-duplicate: every verdict here was checked with Debian's apache2 -t (2.4.71): the refused pairs stop it
// with "Cannot define multiple Listeners on the same IP:port" on the marked (later) line, the valid ones pass.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { MemoryFiles } from '../../../server/workspace/files';
import { buildTree } from '../../../server/workspace/tree';
import { analyzeTree } from '../../../server/workspace/analyzeTree';

ruleTable('listen-duplicate', {
  valid: [
    'Listen 80\nListen 443\n',
    // Addresses are compared as written, never resolved: these pairs pass configtest.
    'Listen 8443\nListen 0.0.0.0:8443\n',
    'Listen 8443\nListen [::]:8443\n',
    'Listen 127.0.0.1:8443\nListen 127.000.0.1:8443\n',
    'Listen localhost:8443\nListen LOCALHOST:8443\n',
    'Listen localhost:8443\nListen 127.0.0.1:8443\n',
    'Listen [::1]:8443\nListen [0::1]:8443\n',
    'Listen [::A]:8443\nListen [::a]:8443\n',
    'Listen [::1]:8443\nListen [::1]:8444\n',
    // A body Apache may skip (X may come from -D) or surely skips; a macro's body is read only where it is used.
    'Listen 8443\n<IfDefine X>\n  Listen 8443\n</IfDefine>\n',
    '<IfModule mod_nope.c>\n  Listen 8443\n</IfModule>\nListen 8443\n',
    'Listen 8443\n<IfModule !ssl_module>\n  Listen 8443\n</IfModule>\n',
    'Listen 8443\n<Macro M>\n  Listen 8443\n</Macro>\n',
    // Debian's ports.conf: mod_ssl and mod_gnutls are alternatives (the second module is not one Debian ships).
    'Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n<IfModule mod_gnutls.c>\n\tListen 443\n</IfModule>\n',
    // Apache refuses these lines for other reasons first (directive-context, argument-count, invalid-argument).
    'Listen 8443\n<VirtualHost *:80>\n  Listen 8443\n</VirtualHost>\n',
    'Listen 8443\nListen 8443 a b\n',
    'Listen [*]:8443\nListen [*]:8443\n',
    // A variable nothing defines is not judged.
    'Listen ${PORT}\nListen ${PORT}\n',
  ],
  invalid: [
    { code: 'Listen 8443\nListen «8443»\n', fixed: 'Listen 8443\n', message: ['port 8443 on every address', "'Listen 8443'", 'Cannot define multiple Listeners on the same IP:port'] },
    // `*` and a bare port are the same listener; so are ports with leading zeros.
    { code: 'Listen 8443\nListen «*:8443»\n', fixed: 'Listen 8443\n' },
    { code: 'Listen 8443\nListen «08443»\n', fixed: 'Listen 8443\n' },
    { code: 'Listen 127.0.0.1:8443\nListen «127.0.0.1:08443»\n', fixed: 'Listen 127.0.0.1:8443\n', message: ['127.0.0.1:8443'] },
    { code: 'Listen [::1]:8443\nListen «[::1]:8443»\n', message: ['[::1]:8443'], fixed: 'Listen [::1]:8443\n' },
    { code: 'Listen localhost:8443\nListen «localhost:8443»\n', fixed: 'Listen localhost:8443\n' },
    // The protocol plays no part; with another one the removal is left to the author.
    { code: 'Listen 8443 http\nListen «8443» https\n', message: ['the earlier speaks http, this one https'] },
    { code: 'Listen 443\nListen «443» HTTPS\n', fixed: 'Listen 443\n' },
    { code: 'Listen 8443\nListen «8443» "#x"\n' },
    // Every later repeat is one; Apache stops at the first.
    { code: 'Listen 8443\nListen «8443»\nListen «8443»\n', fixed: 'Listen 8443\nListen 8443\n' },
    { code: 'Define P 8443\nListen ${P}\nListen «8443»\n', fixed: 'Define P 8443\nListen ${P}\n' },
    // A module Debian ships counts as loaded in a file on its own.
    { code: 'Listen 8443\n<IfModule ssl_module>\n  Listen «8443»\n</IfModule>\n', fixed: 'Listen 8443\n<IfModule ssl_module>\n</IfModule>\n', message: ["'Listen 8443'"] },
    { code: '<IfModule ssl_module>\n  Listen 443\n</IfModule>\nListen «443»\n', message: ['inside <IfModule ssl_module>'], fixed: '<IfModule ssl_module>\n  Listen 443\n</IfModule>\n' },
  ],
});

/** Debian's layout: ports.conf after the modules, the sites last. */
function debian(site: string, ssl: boolean) {
  const files = new MemoryFiles({
    '/etc/apache2/apache2.conf': 'IncludeOptional mods-enabled/*.load\nInclude ports.conf\nIncludeOptional sites-enabled/*.conf\n',
    '/etc/apache2/mods-enabled/mpm_event.load': 'LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n',
    ...(ssl ? { '/etc/apache2/mods-enabled/ssl.load': 'LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n' } : {}),
    '/etc/apache2/ports.conf': 'Listen 80\n\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n\n<IfModule mod_gnutls.c>\n\tListen 443\n</IfModule>\n',
    '/etc/apache2/sites-enabled/site.conf': site,
  });
  const analysed = analyzeTree(buildTree(files, '/etc/apache2/apache2.conf'));
  const found = (path: string) => (analysed.files.get(path)?.reports ?? []).filter((r) => r.rule === 'listen-duplicate');
  return { site: found('/etc/apache2/sites-enabled/site.conf'), ports: found('/etc/apache2/ports.conf') };
}

test('listen-duplicate: a site repeating ports.conf\'s Listen 443 is refused only where mod_ssl is loaded', () => {
  const site = 'Listen 443\n<VirtualHost *:443>\n  ServerName a.example\n</VirtualHost>\n';
  const loaded = debian(site, true);
  assert.deepEqual(loaded.ports, []);
  assert.equal(loaded.site.length, 1);
  assert.equal(loaded.site[0].start, 'Listen '.length);
  assert.equal(loaded.site[0].severity, 'error');
  assert.match(loaded.site[0].message, /inside <IfModule ssl_module>/);
  // Without mod_ssl ports.conf's <IfModule ssl_module> body is skipped: apache2 -t passes.
  assert.deepEqual(debian(site, false).site, []);
  // Listen 80 is unconditional in ports.conf.
  assert.equal(debian('Listen 80\n', false).site.length, 1);
  assert.deepEqual(debian('Listen 8080\n', true).site, []);
});
