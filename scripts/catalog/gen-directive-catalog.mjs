#!/usr/bin/env node
// Builds the *facts* half of the directive catalogue (server/catalog/data/apache-directives.ts) from:
//   ../shared/reference/apache-directives-all-modules.json  names, modules, `apache2 -L` contexts (Debian 2.4.71)
//   ../shared/reference/mod_wsgi-and-apache-facts.json       mod_wsgi's 47 directives (args, contexts, defaults)
//   scripts/catalog/httpd-source.json   argument forms, override masks, defaults, syntax lines, doc pages, read
//                                       from an apache/httpd 2.4.x checkout   (`source <dir>` writes it)
//   scripts/catalog/apache-probe.json   what the real `apache2 -t` says for every directive in every kind of
//                                       section, with every module Debian ships loaded (`probe` writes it)
// Summaries are hand-written (server/catalog/data/summaries-*.ts) and never generated.
//
// usage: node scripts/catalog/gen-directive-catalog.mjs source <httpd-2.4.x-checkout>
//        node scripts/catalog/gen-directive-catalog.mjs probe        (needs apache2, slow: ~8000 configtests)
//        node scripts/catalog/gen-directive-catalog.mjs generate
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const reference = path.resolve(repo, '../shared/reference');
const sourceFile = path.join(here, 'httpd-source.json');
const probeFile = path.join(here, 'apache-probe.json');
const outFile = path.join(repo, 'server/catalog/data/apache-directives.ts');

const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const refDirectives = () => readJson(path.join(reference, 'apache-directives-all-modules.json')).directives;
const wsgiFacts = () => readJson(path.join(reference, 'mod_wsgi-and-apache-facts.json')).modwsgi_directives;

const FORMS = 'TAKE1|TAKE2|TAKE3|TAKE12|TAKE13|TAKE23|TAKE123|ITERATE2|ITERATE|FLAG|NO_ARGS|RAW_ARGS|TAKE_ARGV';
/** Words a fixed form needs at least, for probing with a count Apache accepts. */
const PROBE_ARGS = { TAKE1: 1, TAKE2: 2, TAKE3: 3, TAKE12: 1, TAKE13: 1, TAKE23: 2, TAKE123: 1, ITERATE: 1, ITERATE2: 2, FLAG: 1, NO_ARGS: 0, RAW_ARGS: 1, TAKE_ARGV: 1 };
/** Apache's argument-count wording (server/config.c) -> the form that produces it. */
const COUNT_WORDING = [
  [' takes one argument', 'TAKE1'], [' takes two arguments', 'TAKE2'], [' takes three arguments', 'TAKE3'],
  [' takes 1-2 arguments', 'TAKE12'], [' takes one or three arguments', 'TAKE13'], [' takes two or three arguments', 'TAKE23'],
  [' takes one, two or three arguments', 'TAKE123'], [' requires at least one argument', 'ITERATE'],
  [' requires at least two arguments', 'ITERATE2'], [' must be On or Off', 'FLAG'], [' takes no arguments', 'NO_ARGS'],
];

// ---------------------------------------------------------------- source: command tables and manual pages
function walkFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, out);
    else out.push(p);
  }
  return out;
}

function readSource(root) {
  const commands = {};
  const init = new RegExp(`AP_INIT_(${FORMS})\\s*\\(\\s*("[^"]+"|[A-Z_]+)\\s*,\\s*([^,]+?)\\s*,\\s*.+?\\s*,\\s*([A-Z_|() \\t\\n]+?)\\s*,`, 'gs');
  // mod_ssl wraps its table in SSL_CMD_* macros that paste "SSL" before the name.
  const ssl = new RegExp(`SSL_CMD_(ALL|SRV|PXY|DIR)\\(\\s*(\\w+)\\s*,\\s*(?:(\\w+)\\s*,\\s*)?(${FORMS})\\s*,`, 'g');
  const sslOverride = { ALL: 'RSRC_CONF|OR_AUTHCFG', SRV: 'RSRC_CONF', PXY: 'RSRC_CONF|PROXY_CONF' };
  for (const file of walkFiles(path.join(root, 'modules')).concat(walkFiles(path.join(root, 'server')), walkFiles(path.join(root, 'include')))) {
    if (!/\.[ch]$/.test(file)) continue;
    const text = fs.readFileSync(file, 'latin1').replace(/\\\n/g, ' ');
    const defines = Object.fromEntries([...text.matchAll(/#define\s+(\w+)\s+"([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const add = (name, form, override, handler) => {
      const key = name.toLowerCase();
      if (commands[key]) return;
      commands[key] = { name, form, override: override.replace(/[\s()]+/g, ''), file: path.relative(root, file) };
      // ap_set_deprecated always fails: the directive survives only to explain its removal.
      if (handler === 'ap_set_deprecated') commands[key].obsolete = true;
    };
    for (const m of text.matchAll(init)) add(m[2].startsWith('"') ? m[2].slice(1, -1) : defines[m[2]] ?? m[2], m[1], m[4], m[3].trim());
    if (file.endsWith('mod_ssl.c')) for (const m of text.matchAll(ssl)) add(`SSL${m[2]}`, m[4], sslOverride[m[1]] ?? `OR_${m[3]}`, '');
  }
  const docs = {};
  const manual = path.join(root, 'docs/manual/mod');
  for (const f of fs.readdirSync(manual)) {
    if (!/^[a-z_0-9]+\.xml$/.test(f)) continue;
    const text = fs.readFileSync(path.join(manual, f), 'utf8');
    for (const m of text.matchAll(/<directivesynopsis(\s+type="section")?[^>]*>(.*?)<\/directivesynopsis>/gs)) {
      const body = m[2];
      const name = /<name>([^<]+)<\/name>/.exec(body)?.[1];
      if (!name) continue;
      const clean = (s) => s?.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
      const key = (m[1] ? '<' : '') + name.toLowerCase();
      if (docs[key] || !/<syntax>/.test(body)) continue; // the first page that really describes it (not a cross-reference)
      docs[key] = { page: f.replace(/\.xml$/, ''), syntax: clean(/<syntax>(.*?)<\/syntax>/s.exec(body)?.[1]), default: clean(/<default>(.*?)<\/default>/s.exec(body)?.[1]) };
    }
  }
  return { commands, docs };
}

// ---------------------------------------------------------------- probe: the real apache2 -t as the judge
const PLACES = ['server', 'virtualhost', 'directory', 'location', 'files', 'if', 'proxy', 'limit', 'authz'];
const WRAP = {
  server: '{d}',
  virtualhost: '<VirtualHost *:80>\n{d}\n</VirtualHost>',
  directory: '<Directory /tmp>\n{d}\n</Directory>',
  location: '<Location />\n{d}\n</Location>',
  files: '<Files x>\n{d}\n</Files>',
  if: '<If "true">\n{d}\n</If>',
  proxy: '<Proxy "http://x/">\n{d}\n</Proxy>',
  limit: '<Directory /tmp>\n<Limit GET>\n{d}\n</Limit>\n</Directory>',
  authz: '<Directory /tmp>\n<RequireAll>\nRequire all granted\n{d}\n</RequireAll>\n</Directory>',
};
const SECTION_ARGS = {
  directory: '/tmp', directorymatch: '^/tmp', location: '/', locationmatch: '^/', files: 'x', filesmatch: 'x', if: '"true"',
  elseif: '"true"', else: '', proxy: 'http://x/', proxymatch: '^http', limit: 'GET', limitexcept: 'GET', ifmodule: 'mod_x.c',
  ifdefine: 'X', ifversion: '>= 2.4', iffile: '/tmp', ifdirective: 'Foo', ifsection: 'Foo', requireall: '', requireany: '',
  requirenone: '', authnprovideralias: 'file x', authzprovideralias: 'user x', macro: 'M', mdomainset: 'example.com',
  mdomain: 'example.com', virtualhost: '*:80',
};

function allModulesConfig(dir, mpm = 'event') {
  const lines = ['ServerRoot /etc/apache2'];
  for (const f of fs.readdirSync('/etc/apache2/mods-available').sort()) {
    if (f.endsWith('.load') && (!f.startsWith('mpm_') || f === `mpm_${mpm}.load`)) lines.push(`Include /etc/apache2/mods-available/${f}`);
  }
  // Shipped in the package without a .load file.
  for (const m of ['bucketeer', 'case_filter', 'case_filter_in']) lines.push(`LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
  lines.push(`ErrorLog ${dir}/error.log`, `PidFile ${dir}/pid`, 'Listen 127.0.0.1:18099', `Mutex file:${dir}`);
  return lines;
}

function configtest(dir, body, mpm = 'event') {
  const conf = path.join(dir, 'case.conf');
  fs.writeFileSync(conf, body + '\n');
  const main = path.join(dir, 'main.conf');
  fs.writeFileSync(main, [...allModulesConfig(dir, mpm), `Include ${conf}`].join('\n') + '\n');
  const r = spawnSync('sh', ['-c', `. /etc/apache2/envvars && exec apache2 -t -f ${main}`], { encoding: 'utf8' });
  const out = (r.stdout + r.stderr).trim().split('\n');
  const at = out.findIndex((l) => l.includes('Syntax error on line'));
  return at >= 0 ? out[at + 1] ?? '' : r.status === 0 ? 'OK' : out.join(' ').slice(0, 300);
}

function probe(source) {
  const dir = fs.mkdtempSync('/tmp/catalog-probe-');
  const extra = otherMpmDirectives(dir);
  const result = { apache: spawnSync('apache2', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0], modules: moduleList(), extra, directives: {} };
  const seen = new Set();
  for (const d of [...refDirectives(), ...extra]) {
    const mpm = d.module === 'prefork.c' || d.module === 'worker.c' ? d.module.replace('.c', '') : 'event';
    const test = (body) => configtest(dir, body, mpm);
    const key = d.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = {};
    let body;
    if (d.name.startsWith('<')) {
      const bare = d.name.slice(1);
      const arg = SECTION_ARGS[bare.toLowerCase()] ?? 'f';
      const inner = bare.toLowerCase().startsWith('require') ? 'Require all granted\n' : '';
      body = `<${bare}${arg ? ' ' + arg : ''}>\n${inner}</${bare}>`;
    } else {
      // Argument form first: Apache's count message at zero and at four words names it.
      entry.zero = test(d.name);
      entry.four = test(`${d.name} a0 a1 a2 a3`);
      const form = source.commands[key]?.form ?? formFromWording(d.name, entry.zero, entry.four) ?? 'TAKE1';
      const n = PROBE_ARGS[form] ?? 1;
      body = d.name + (form === 'FLAG' ? ' On' : ' 1'.repeat(n));
    }
    // Kept compact: one code per place, and the form the count messages name (not the messages themselves).
    // <Else>/<ElseIf> are probed without an <If> before them; that refusal is not a place refusal (placeCode).
    entry.places = PLACES.map((p) => placeCode(test(WRAP[p].replace('{d}', body)), d.name)).join('');
    const measured = formFromWording(d.name, entry.zero, entry.four);
    delete entry.zero;
    delete entry.four;
    if (measured) entry.form = measured;
    result.directives[d.name] = entry;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

/** Module names (`mod_ssl.c`, what <IfModule> and `apache2 -L` use) and identifiers (`ssl_module`) Debian ships. */
const FILE_NAME_EXCEPTIONS = { 'mod_ldap.so': 'util_ldap.c', 'mod_mpm_event.so': 'event.c', 'mod_mpm_prefork.so': 'prefork.c', 'mod_mpm_worker.so': 'worker.c' };
function moduleList() {
  const staticFiles = spawnSync('apache2', ['-l'], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.trim()).filter((l) => l.endsWith('.c'));
  const dump = spawnSync('sh', ['-c', '. /etc/apache2/envvars && apache2 -t -D DUMP_MODULES -f /etc/apache2/apache2.conf'], { encoding: 'utf8' }).stdout;
  const staticIds = [...dump.matchAll(/^ (\w+) \(static\)/gm)].map((m) => m[1]);
  const modules = staticFiles.map((file, i) => ({ id: staticIds[i], file, builtIn: true }));
  const loads = fs.readdirSync('/etc/apache2/mods-available').filter((f) => f.endsWith('.load')).sort();
  const lines = loads.map((f) => fs.readFileSync(`/etc/apache2/mods-available/${f}`, 'utf8'))
    .concat(['bucketeer', 'case_filter', 'case_filter_in'].map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`));
  for (const text of lines) {
    for (const m of text.matchAll(/^\s*LoadModule\s+(\w+)\s+(\S+)/gm)) {
      const so = path.basename(m[2]);
      modules.push({ id: m[1], file: FILE_NAME_EXCEPTIONS[so] ?? so.replace(/\.so$/, '.c') });
    }
  }
  return modules;
}

/**
 * Directives only the MPMs Debian ships besides event register (prefork's MinSpareServers …): the reference was
 * taken with event loaded, so they are read from `apache2 -L` with each other MPM.
 */
function otherMpmDirectives(dir) {
  const known = new Set(refDirectives().map((d) => d.name.toLowerCase()));
  const out = [];
  for (const mpm of ['prefork', 'worker']) {
    const main = path.join(dir, 'list.conf');
    fs.writeFileSync(main, allModulesConfig(dir, mpm).join('\n') + '\n');
    const listing = spawnSync('sh', ['-c', `. /etc/apache2/envvars && exec apache2 -L -f ${main}`], { encoding: 'utf8' }).stdout;
    for (const m of listing.matchAll(/^(\S+) \(([\w.]+)\)\n\t[^\n]*\n\t([^\n]*)/gm)) {
      if (m[2] !== `${mpm}.c` || known.has(m[1].toLowerCase())) continue;
      known.add(m[1].toLowerCase());
      out.push({ name: m[1], module: m[2], allowed: m[3] });
    }
  }
  return out;
}

function formFromWording(name, ...messages) {
  for (const m of messages) for (const [w, form] of COUNT_WORDING) if (m?.startsWith(name + w)) return form;
  return undefined;
}

// ---------------------------------------------------------------- generate: one typed line per directive
/** '+' allowed, 'o' refused by the override mask ("not allowed here"), 'h' refused by the directive's own check. */
function placeCode(message, name) {
  if (/ not allowed (here|in <)/.test(message) && message.startsWith(name)) return 'o';
  if (/ cannot occur within /.test(message) && message.startsWith(name)) return 'h';
  return '+';
}

const OVERRIDE_CLASS = { OR_AUTHCFG: 'AuthConfig', OR_FILEINFO: 'FileInfo', OR_INDEXES: 'Indexes', OR_LIMIT: 'Limit', OR_OPTIONS: 'Options' };
function htaccessClass(override) {
  if (!override) return 'any';
  if (/OR_ALL/.test(override)) return 'any';
  const classes = override.split('|').map((f) => OVERRIDE_CLASS[f]).filter(Boolean);
  return classes.length ? classes.join('|') : 'any';
}

/**
 * Places where a directive refuses itself with its own wording (server/catalog/data/context-rules.ts has the
 * messages); the probe only recognises Apache's generic wording, so these are marked by hand. (MDMember and
 * friends stay allowed at server level: they are, inside an <MDomainSet>.)
 */
const OWN_REFUSALS = {
  serveralias: ['server'],
  rewritebase: ['server', 'virtualhost'],
};

/** Manual page for directives the 2.4.x manual does not describe (renamed, removed or newer than the manual). */
const PAGE_OVERRIDES = {
  maxclients: 'mpm_common#maxrequestworkers', maxrequestsperchild: 'mpm_common#maxconnectionsperchild', port: 'mpm_common#listen',
  fancyindexing: 'mod_autoindex#indexoptions', ssllog: 'core#errorlog', sslloglevel: 'core#loglevel',
  listentcpdeferaccept: 'mpm_common#listentcpdeferaccept', casefilter: '', casefilterin: '',
};
/** The manual sometimes spells the name differently (`TimeOut`); the line starts with the canonical spelling. */
function canonicalSyntax(syntax, name) {
  if (!syntax) return undefined;
  const at = syntax.startsWith('<') ? 1 : 0;
  return syntax.slice(at, at + name.length).toLowerCase() === name.toLowerCase() ? syntax.slice(0, at) + name + syntax.slice(at + name.length) : syntax;
}

function modulePage(module) {
  const m = module.replace(/\.c$/, '');
  if (m === 'core' || m === 'http_core') return 'core';
  if (m === 'event') return 'event';
  if (m === 'util_ldap') return 'mod_ldap';
  return m;
}

function generate() {
  const source = readJson(sourceFile);
  const probed = readJson(probeFile).directives;
  const entries = new Map();
  for (const d of [...refDirectives(), ...(readJson(probeFile).extra ?? [])]) {
    const key = d.name.toLowerCase();
    const bare = d.name.replace(/^</, '');
    if (entries.has(key)) {
      entries.get(key).alsoIn.push(d.module);
      continue;
    }
    const src = source.commands[key];
    const doc = source.docs[key] ?? source.docs[bare.toLowerCase()];
    const p = probed[d.name];
    const form = src?.form ?? p.form ?? 'RAW_ARGS';
    const places = [...p.places].map((c, i) => (OWN_REFUSALS[key]?.includes(PLACES[i]) ? 'h' : c)).join('');
    const page = PAGE_OVERRIDES[bare.toLowerCase()] ?? `${doc?.page ?? modulePage(d.module)}#${bare.toLowerCase()}`;
    entries.set(key, {
      name: bare,
      module: d.module,
      alsoIn: [],
      section: d.name.startsWith('<'),
      args: d.name.startsWith('<') ? 'RAW_ARGS' : form,
      places,
      htaccess: d.allowed.includes('.htaccess') ? htaccessClass(src?.override) : undefined,
      // A section's own manual entry, when there is one; the directive of the same name documents something else.
      syntax: canonicalSyntax(d.name.startsWith('<') && !doc?.syntax?.toLowerCase().startsWith(`<${bare.toLowerCase()}`) ? undefined : doc?.syntax, bare),
      default: doc?.default?.replace(new RegExp(`^${bare}\\s+`, 'i'), ''),
      page,
      obsolete: src?.obsolete,
    });
  }
  // mod_wsgi: its own facts sheet gives the forms, syntax and defaults; the two directives Debian's build leaves
  // out were never probed, so their places come from the facts' context summary.
  for (const w of wsgiFacts()) {
    const key = w.name.toLowerCase();
    const c = w.contexts;
    const known = entries.get(key);
    const dir = c.directory ? '+' : 'o';
    const places = known?.places ?? [c.server_config ? '+' : 'o', c.virtual_host ? '+' : w.global_only_check ? 'h' : 'o', dir, dir, dir, dir, dir, dir, dir].join('');
    entries.set(key, {
      ...(known ?? { name: w.name, module: 'mod_wsgi.c', alsoIn: [], section: false }),
      args: w.apache_args_how,
      places,
      htaccess: c.htaccess ? c.htaccess_override : undefined,
      syntax: w.syntax,
      // The facts sheet adds notes after a semicolon; the default itself comes first.
      default: w.default?.split(';')[0] ?? undefined,
      page: 'wsgi',
      notRegistered: w.registered_in_debian_4_9_4 ? undefined : w.build_condition,
    });
  }
  const body = emitCompact([...entries.values()], readJson(probeFile).modules);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, body);
  console.log(`wrote ${entries.size} directives to ${path.relative(repo, outFile)}`);
}

/**
 * Writes the catalogue in the compact form server/catalog/data/decode.ts reads (see there for the layout): one
 * tab-separated line per directive, module/form/places/override as indexes, the name as `~`. The .vsix budget
 * is why: object literals with repeated keys cost twice as much, even compressed.
 */
function emitCompact(directives, modules) {
  const distinct = (values) => [...new Set(values)];
  const forms = distinct(directives.map((e) => e.args));
  const places = distinct(directives.map((e) => e.places));
  const htaccess = ['', ...distinct(directives.map((e) => e.htaccess).filter(Boolean))];
  const moduleIndex = new Map(modules.map((m, i) => [m.file, i]));
  const b36 = (n, width, what) => {
    const s = n.toString(36).padStart(width, '0');
    if (n < 0 || s.length !== width) throw new Error(`${what} ${n} does not fit in ${width} base-36 digit(s)`);
    return s;
  };
  const clean = (s, what) => {
    if (/[\t\n~]/.test(s ?? '')) throw new Error(`${what} contains a tab, newline or ~: ${JSON.stringify(s)}`);
    return s ?? '';
  };
  const row = (e) => {
    if (!moduleIndex.has(e.module)) throw new Error(`${e.name}: module ${e.module} is not in the module list`);
    const code = b36(moduleIndex.get(e.module), 2, 'module') + b36(forms.indexOf(e.args), 1, 'form') + b36(places.indexOf(e.places), 1, 'places') +
      b36(e.htaccess ? htaccess.indexOf(e.htaccess) : 0, 1, 'htaccess') + b36((e.section ? 1 : 0) | (e.obsolete ? 2 : 0), 1, 'flags');
    const usualPage = `${modulePage(e.module)}#${e.name.toLowerCase()}`;
    const page = e.page === usualPage ? '' : e.page === '' ? '!' : clean(e.page, 'page').replaceAll(`#${e.name.toLowerCase()}`, '#~');
    const fields = [clean(e.name, 'name'), code, clean(e.syntax, 'syntax').replaceAll(e.name, '~'), clean(e.default, 'default'), page,
      e.alsoIn.join(','), clean(e.notRegistered, 'notRegistered')];
    while (fields[fields.length - 1] === '') fields.pop();
    return fields.join('\t');
  };
  const moduleLine = (m) => {
    const usual = `${m.file.replace(/^mod_/, '').replace(/\.c$/, '')}_module`;
    return `${m.file}${m.builtIn ? '*' : ''}${m.id === usual ? '' : ` ${m.id}`}`;
  };
  const list = (values) => `[${values.map(q).join(', ')}]`;
  return [
    '// GENERATED by scripts/catalog/gen-directive-catalog.mjs from the shared reference, the httpd 2.4.x source and',
    '// what Debian\'s apache2 -t accepts (every shipped module loaded). Do not edit by hand: change the script and re-run.',
    '// Compact on purpose (the .vsix budget): ./decode.ts describes the layout and turns it back into typed facts.',
    "import type { ArgumentForm, ModuleFacts } from '../types';",
    "import type { CatalogTables } from './decode';",
    "import { decodeModules } from './decode';",
    '',
    '/** Every module Debian\'s apache2 and libapache2-mod-wsgi-py3 ship: `file` is what <IfModule> and apache2 -L call it. */',
    `export const debianModules: readonly ModuleFacts[] = decodeModules(${JSON.stringify(modules.map(moduleLine).join('\n'))});`,
    '',
    `const FORMS: readonly ArgumentForm[] = ${list(forms)};`,
    `const PLACES = ${list(places)};`,
    `const HTACCESS = ${list(htaccess)};`,
    '',
    `const ROWS = ${JSON.stringify(directives.map(row).join('\n'))};`,
    '',
    '/** One row per directive, decoded by ../directives.ts when the directive is first asked for (decodeDirective). */',
    "export const directiveRows: readonly string[] = ROWS.split('\\n');",
    'export const directiveTables: CatalogTables = { forms: FORMS, places: PLACES, htaccess: HTACCESS };',
    '',
  ].join('\n');
}

const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'source') {
  if (!arg) throw new Error('usage: source <httpd-2.4.x checkout>');
  const { commands, docs } = readSource(arg);
  // Names of the reference, plus what the MPMs register (prefork's own directives are not in the reference).
  const mpm = Object.keys(commands).filter((k) => commands[k].file.startsWith('server/mpm/'));
  const wanted = new Set([...mpm, ...refDirectives().flatMap((d) => [d.name.toLowerCase(), d.name.replace(/^</, '').toLowerCase()])]);
  const keep = (table) => Object.fromEntries(Object.entries(table).filter(([k]) => wanted.has(k)));
  fs.writeFileSync(sourceFile, JSON.stringify({ commands: keep(commands), docs: keep(docs) }, null, 1) + '\n');
  console.log(`wrote ${path.relative(repo, sourceFile)}`);
} else if (cmd === 'probe') {
  fs.writeFileSync(probeFile, JSON.stringify(probe(readJson(sourceFile)), null, 1) + '\n');
  console.log(`wrote ${path.relative(repo, probeFile)}`);
} else if (cmd === 'modules') {
  const probed = readJson(probeFile);
  fs.writeFileSync(probeFile, JSON.stringify({ ...probed, modules: moduleList() }, null, 1) + '\n');
  console.log(`refreshed the module list in ${path.relative(repo, probeFile)}`);
} else if (cmd === 'generate') {
  generate();
} else {
  console.error('usage: gen-directive-catalog.mjs source <httpd-dir> | probe | generate');
  process.exit(2);
}
