// The model's answers: alias URL matching, addresses, the effective process and application group of a
// script alias, and which hosts may use a daemon group.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../../server/syntax/parser';
import { buildModel, directivesNamed } from '../../../server/model/model';
import { aliasMatchLength, directoryCovers, urlPrefixMatches } from '../../../server/model/paths';
import { hostsByAddress, parseAddress, effectiveServerName } from '../../../server/model/hosts';
import { effectiveApplicationGroup, effectiveProcessGroup, groupAccessibleFrom, runsEmbedded } from '../../../server/model/groups';

const model = (text: string) => buildModel(parse(text));

test('alias URLs match at path-segment boundaries, runs of slashes as one (mod_alias)', () => {
  assert.equal(urlPrefixMatches('/', '/anything'), true);
  assert.equal(urlPrefixMatches('/app', '/app'), true);
  assert.equal(urlPrefixMatches('/app', '/app/x'), true);
  assert.equal(urlPrefixMatches('/app', '/application'), false);
  assert.equal(urlPrefixMatches('/app/', '/app'), false);
  assert.equal(aliasMatchLength('//app//x', '/app/'), 7);
  assert.equal(directoryCovers('/srv/', '/srv/a/b'), true);
  assert.equal(directoryCovers('/srv/*/b', '/srv/a/b'), true);
  assert.equal(directoryCovers('/srv/a*', '/srv/b/a'), false);
  assert.equal(directoryCovers('/', '/srv'), true);
});

test('virtual host addresses: _default_ is *, a missing port is its own group', () => {
  const m = model('<VirtualHost *:80 [::1]:8080>\n</VirtualHost>\n<VirtualHost _default_:80>\n</VirtualHost>\n<VirtualHost *>\n</VirtualHost>\n');
  const a = parseAddress(m.vhosts[0].addresses[1]);
  assert.deepEqual([a.host, a.port], ['[::1]', '8080']);
  assert.deepEqual([...hostsByAddress(m)].map(([k, v]) => [k, v.length]), [['*:80', 2], ['[::1]:8080', 1], ['*:*', 1]]);
});

test('effective process group: option, then the most specific section, the last of a level winning', () => {
  const m = model(
    [
      'WSGIProcessGroup server',
      'WSGIApplicationGroup %{GLOBAL}',
      '<VirtualHost *:80>',
      '  ServerName a.example',
      '  WSGIProcessGroup vhost',
      '  WSGIScriptAlias /one /srv/one/wsgi.py',
      '  WSGIScriptAlias /two /srv/two/wsgi.py process-group=option application-group=two',
      '  WSGIScriptAlias /three /srv/three/wsgi.py',
      '  <Directory /srv/three>',
      '    WSGIProcessGroup dir',
      '  </Directory>',
      '  <Location /three>',
      '    WSGIProcessGroup location',
      '  </Location>',
      '  WSGIScriptAlias /four /srv/four/wsgi.py',
      '  <Location /four/admin>',
      '    WSGIProcessGroup admin',
      '  </Location>',
      '</VirtualHost>',
      'WSGIScriptAlias / /srv/main/wsgi.py',
    ].join('\n'),
  );
  const [one, two, three, four, main] = m.scriptAliases;
  const pg = (a: typeof one) => effectiveProcessGroup(m, a);
  assert.deepEqual([pg(one).value, pg(two).value, pg(three).value, pg(main).value], ['vhost', 'option', 'location', 'server']);
  assert.equal(pg(one).from?.firstLine, 4);
  // /four/admin is narrower than /four: the vhost group applies, but not to every request
  assert.deepEqual([pg(four).value, pg(four).certain], ['vhost', false]);
  assert.deepEqual([effectiveApplicationGroup(m, one).value, effectiveApplicationGroup(m, two).value], ['%{GLOBAL}', 'two']);
  assert.equal(runsEmbedded(pg(main)), false);
  assert.equal(runsEmbedded(effectiveProcessGroup(model('WSGIScriptAlias / /x.py\n'), model('WSGIScriptAlias / /x.py\n').scriptAliases[0])), true);
});

test('a group defined in a virtual host serves hosts with the same ServerName only', () => {
  const m = model(
    [
      'ServerName main.example',
      '<VirtualHost *:80>\n  ServerName a.example\n  WSGIDaemonProcess a\n</VirtualHost>',
      '<VirtualHost *:443>\n  ServerName a.example\n</VirtualHost>',
      '<VirtualHost *:80>\n  ServerName b.example\n</VirtualHost>',
      '<VirtualHost *:80>\n</VirtualHost>',
      'WSGIDaemonProcess global',
    ].join('\n'),
  );
  const [a, twin, b, nameless] = m.vhosts.map((v) => v.node);
  const [groupA, global] = m.daemons;
  assert.deepEqual([twin, b, nameless, null].map((s) => groupAccessibleFrom(m, groupA, s)), [true, false, false, false]);
  assert.deepEqual([a, b, null].map((s) => groupAccessibleFrom(m, global, s)), [true, true, true]);
  assert.equal(effectiveServerName(m, nameless), 'main.example');
});

test('directivesNamed: the directives of one name in document order, the same list on every ask', () => {
  const m = model('ServerName a\n<VirtualHost *:80>\n  servername b\n  <IfModule x>\n    ServerNAME c\n  </IfModule>\n</VirtualHost>\nServerAlias d\n');
  const names = directivesNamed(m, 'servername');
  assert.deepEqual(names.map((d) => d.args[0].value), ['a', 'b', 'c']);
  assert.deepEqual(names, m.directives.filter((d) => d.nameLower === 'servername'));
  // Lists are grouped by identity (visibleFrom): each name's list is made once per model.
  assert.equal(directivesNamed(m, 'servername'), names);
  assert.deepEqual(directivesNamed(m, 'serveralias').map((d) => d.args[0].value), ['d']);
  assert.deepEqual(directivesNamed(m, 'wsgiprocessgroup'), []);
  assert.equal(directivesNamed(m, 'wsgiprocessgroup'), directivesNamed(m, 'wsgiprocessgroup'));
});
