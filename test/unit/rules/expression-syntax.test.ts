import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/rule-table';
import { analyzeText, runRules } from '../../../server/service';
import { parse } from '../../../server/syntax/parser';
import { buildModel } from '../../../server/model/model';
import { applyEdits } from '../../../server/features/applyEdits';

// Each invalid case fails `apache2 -t` ("Cannot parse condition clause" or "Multiple <If> arguments"), each valid
// one passes it (checked against Debian's apache2 2.4.71 with every module loaded).
ruleTable('expression-syntax', {
  valid: [
    `<If "%{HTTP_HOST} == 'example.com'">\n</If>\n`,
    `<If "%{http_host} = 'example.com' && !(%{HTTPS} == 'on')">\n</If>\n<ElseIf "%{REQUEST_URI} =~ m#^/admin#i">\n</ElseIf>\n`,
    `<If "-n %{HTTP:X-Forwarded-For} or %{REMOTE_ADDR} -ipmatch '10.0.0.0/8' || -R '10.1.' || -R '::1/64'">\n</If>\n`,
    `<If "tolower(%{HTTP_HOST}) -in {'a.com', 'b.com'} and %{TIME_HOUR} -ge 9 and %{TIME_HOUR} lt 17">\n</If>\n`,
    `<If "'%{REQUEST_SCHEME}://%{HTTP_HOST}' . md5('x') != $1">\n</If>\n`,
    `<If "%{env:APP_ENV} == 'prod' && %{SSL_PROTOCOL} -strmatch 'TLS*' && %{HC_BODY} == '' && %{HTTP_HOST} -in PeerExtList('x')">\n</If>\n`,
    // ap_getword_conf turns \\\\ into \\ before the expression is read: 'it\\'s' is the string it's.
    `<If "'it\\\\'s' == 'x'">\n</If>\n`,
    // An unclosed outer quote reads to the end of the tag; the last '>' on the line ends it.
    `<If "%{HTTP_HOST} == 'x'>\n</If>\n<If "%{TIME_HOUR} > 12">\n</If>\n`,
    // "\\0" ends the subnet string where C reads it.
    `<If "-R '10.0.\\0.0/8'">\n</If>\n`,
    // Not read by Apache: a body it skips; a condition from a Define we cannot see.
    `<IfModule !mod_version.c>\n<IfModule mod_version.c>\n<If "bad bad">\n</If>\n</IfModule>\n</IfModule>\n`,
    `<If "\${CONDITION}">\n</If>\n`,
    // <If> without a condition is syntax-error's finding.
    `<If>\n</If>\n`,
    // Require expr takes the rest of the line as written, with or without one pair of double quotes around it.
    `<Location /admin>\n    Require expr %{REMOTE_ADDR} -ipmatch '10.0.0.0/8' && %{HTTP_HOST} == 'example.com'\n</Location>\n`,
    `<Location /admin>\n    <RequireAll>\n        Require not expr "%{REQUEST_URI} =~ m#^/admin/login#"\n        Require valid-user\n    </RequireAll>\n</Location>\n`,
    `SetEnvIfExpr "tolower(req('X-Forwarded-Proto')) == 'https'" HTTPS=on no-gzip=1\n`,
  ],
  invalid: [
    {
      code: `<If "%{HTTP_HOST} == example«.»com">\n</If>\n`,
      message: ["'example' is read as a function name", 'Cannot parse condition clause'],
      severity: 'error',
    },
    {
      code: `<If "%{«HTTP_HOTS»} == 'example.com'">\n</If>\n`,
      message: ['no variable %{HTTP_HOTS}', 'did you mean %{HTTP_HOST}'],
      fixed: `<If "%{HTTP_HOST} == 'example.com'">\n</If>\n`,
    },
    { code: `<If "«tolowr»(%{HTTP_HOST}) == 'a'">\n</If>\n`, message: ['no function tolowr'], fixed: `<If "tolower(%{HTTP_HOST}) == 'a'">\n</If>\n` },
    { code: `<If "«-D» '/srv'">\n</If>\n`, message: ['no unary test -D', 'did you mean -d'] },
    // Two tests are one letter away: both offered, neither preferred.
    { code: `<If "%{REQUEST_URI} «-strmach» '/a*'">\n</If>\n`, message: ['did you mean -strmatch or -strcmatch'] },
    { code: `<If "%{HTTP_HOST} -in «tolower»('x')">\n</If>\n`, message: ['returns a string, not a list'] },
    { code: `<If "%{REQUEST_URI} =~ «/(admin/»">\n</If>\n`, message: ['does not compile'] },
    { code: `<If "%{REQUEST_URI} =~ «'»^/admin'">\n</If>\n`, message: ["needs a regular expression between slashes"] },
    { code: `<If "-R «'10.0.0.0/33'»">\n</If>\n`, message: ['not an address or subnet'] },
    { code: `<If "%{REMOTE_ADDR} -ipmatch «%{HTTP:X-Real-IP}»">\n</If>\n`, message: ['one quoted string without variables'] },
    { code: `<If «"(%{HTTP_HOST} == 'a'"»>\n</If>\n`, message: ["where ')' should close"] },
    { code: `<If "%{HTTP_HOST} == 'a' «'»b'">\n</If>\n`, message: ['follows a complete condition'] },
    { code: `<If «"%{HTTP_HOST} == 'unterminated"»>\n</If>\n`, message: ['the string is never closed'] },
    { code: `<If "'a\\«8»' == 'b'">\n</If>\n`.replace('\\«8»', '«\\8»'), message: ['not an escape Apache knows'] },
    { code: `<If "%{HTTP«-»HOST} == 'b'">\n</If>\n`, message: ['cannot stand in a variable name'] },
    { code: `<If "%{HTTP:«'»x'} == 'a'">\n</If>\n`, message: ['flex scanner jammed'] },
    { code: `<If «""»>\n</If>\n`, message: ['where a condition should start'] },
    // The usual mistake: the condition left unquoted, so Apache reads its first word alone.
    {
      code: `<If «%{HTTP_HOST} == 'example.com'»>\n</If>\n`,
      message: ["reads only '%{HTTP_HOST}' as the condition", 'Multiple <If> arguments'],
      fixed: `<If "%{HTTP_HOST} == 'example.com'">\n</If>\n`,
    },
    { code: `<If «"%{HTTP_HOST} == 'x'" extra»>\n</If>\n`, message: ['reads the first word as the condition'] },
    { code: `<If "true">\n</If>\n<ElseIf «"true" or false»>\n</ElseIf>\n`, message: ['<ElseIf> condition must be one word'] },
    // <Else> takes nothing: the words removed, or (when they are a condition) an <ElseIf>, neither preferred.
    {
      code: `<If "true">\n</If>\n<Else «foo»>\n</Else>\n`,
      message: ['<Else> takes no condition', 'does not take an argument'],
      fixed: `<If "true">\n</If>\n<Else>\n</Else>\n`,
    },
    { code: `<If "true">\n</If>\n<Else «"%{HTTPS} == 'on'"»>\n</else>\n`, message: ['<ElseIf'] },
    // Require expr: the same grammar, over the rest of the line.
    { code: `<Location /a>\n    Require expr %{HTTP_HOST} == example«.»com\n</Location>\n`, message: ['Require expr condition', 'Cannot parse expression in require line'] },
    {
      code: `<Location /a>\n    Require expr "%{«REMOTE_ADR»} -ipmatch '10.0.0.0/8'"\n</Location>\n`,
      fixed: `<Location /a>\n    Require expr "%{REMOTE_ADDR} -ipmatch '10.0.0.0/8'"\n</Location>\n`,
    },
    // Single quotes around the whole stay: the condition is then one string, which is no test.
    { code: `<Location /a>\n    Require expr «'%{HTTP_HOST} == "x"'»\n</Location>\n`, message: ['the condition ends after the value'] },
    { code: `<Location /a>\n    Require «expr»\n</Location>\n`, message: ['Require expr needs a condition'] },
    {
      code: `SetEnvIfExpr "%{«HTTP_REFERRER»} =~ /example/" local_referal\n`,
      message: ['SetEnvIfExpr condition', 'Could not parse expression'],
      fixed: `SetEnvIfExpr "%{HTTP_REFERER} =~ /example/" local_referal\n`,
    },
    // A body Apache may skip: a warning.
    {
      code: `<IfDefine MAINTENANCE>\n<If "%{«HTTP_HOTS»} == 'x'">\n</If>\n</IfDefine>\n`,
      severity: 'warning',
      fixed: `<IfDefine MAINTENANCE>\n<If "%{HTTP_HOST} == 'x'">\n</If>\n</IfDefine>\n`,
    },
  ],
});

test('expression-syntax: <Else> with a condition offers both repairs, each leaving nothing for the rule', () => {
  const text = `<If "true">\n</If>\n<Else "%{HTTPS} == 'on'">\n    Require all denied\n</else>\n`;
  const [finding] = analyzeText('file:///else.conf', text).reports.filter((r) => r.rule === 'expression-syntax');
  const results = finding.fixes.map((f) => applyEdits(text, f.edits));
  assert.deepEqual(results, [
    `<If "true">\n</If>\n<Else>\n    Require all denied\n</else>\n`,
    `<If "true">\n</If>\n<ElseIf "%{HTTPS} == 'on'">\n    Require all denied\n</ElseIf>\n`,
  ]);
  for (const fixed of results) {
    const again = analyzeText('file:///else.conf', fixed).reports.filter((r) => r.severity === 'error');
    assert.deepEqual(again.map((r) => r.message), []);
  }
});

test('expression-syntax: a condition of 100,000 negations, parentheses or concatenations is read without an internal error', () => {
  for (const condition of ['!'.repeat(100_000) + 'true', '('.repeat(100_000) + 'true' + ')'.repeat(100_000), "'a'" + " . 'a'".repeat(50_000) + " == 'b'"]) {
    const reports = analyzeText('file:///deep.conf', `<If "${condition}">\n</If>\n`).reports;
    assert.deepEqual(reports.map((r) => r.rule), []);
  }
  // Nesting of a real condition's depth is still judged.
  const shallow = analyzeText('file:///deep.conf', `<If "${'('.repeat(40)}tru${')'.repeat(40)}">\n</If>\n`).reports;
  assert.deepEqual(shallow.map((r) => r.rule), ['expression-syntax']);
});

test("expression-syntax: mod_ssl's names need mod_ssl loaded somewhere in the server, before or after the condition", () => {
  const condition = `<If "%{SSL_PROTOCOL} == 'TLSv1.3' || -n %{HC_BODY}">\n</If>\n`;
  const findings = (text: string, seesWholeServer: boolean) => {
    const ast = parse(text);
    return runRules({ uri: 'file:///apache2.conf', text, ast, model: buildModel(ast), seesWholeServer }).filter((r) => r.rule === 'expression-syntax');
  };
  const headers = 'LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so\n';
  const ssl = 'LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n';
  const hcheck = 'LoadModule proxy_hcheck_module /usr/lib/apache2/modules/mod_proxy_hcheck.so\n';
  // Every LoadModule runs while Apache reads the files, before any condition is parsed (checked with apache2 -t).
  assert.deepEqual(findings(condition + ssl + hcheck, true), []);
  const missing = findings(headers + condition + hcheck, true);
  assert.deepEqual(missing.map((r) => [condition.slice(r.start - headers.length, r.end - headers.length), r.message.includes('comes from mod_ssl, which this server does not load')]), [['SSL_PROTOCOL', true]]);
  // A file on its own may be one of several: another may load the module; a text that loads no module at all
  // counts Debian's as loaded elsewhere (as for <IfModule>).
  assert.deepEqual(findings(headers + condition, false), []);
  assert.deepEqual(findings(condition, true), []);
});

test('expression-syntax: names that are also JavaScript object properties are names like any other', () => {
  for (const [condition, message] of [
    ["constructor('x') == 'a'", 'no function constructor'],
    ["%{toString} == 'a'", 'no variable %{toString}'],
    ["'a' -constructor 'b'", 'no binary test -constructor'],
    ['hasOwnProperty', "'hasOwnProperty' is read as a function name"],
    // A name starts with a letter: '_' is refused where it stands, as httpd's scanner does.
    ['__proto__', "'_' has no meaning here"],
  ]) {
    const [finding] = analyzeText('file:///names.conf', `<If "${condition}">\n</If>\n`).reports.filter((r) => r.rule === 'expression-syntax');
    assert.ok(finding?.message.includes(message), `${condition}: ${finding?.message}`);
  }
});
