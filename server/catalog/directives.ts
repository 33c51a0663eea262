// The directive catalogue: one typed table, looked up case-insensitively (Apache matches names that way).
// Facts (module, argument form, places, defaults) are generated from the reference and the real apache2
// (data/apache-directives.ts); summaries are ours (data/summaries-*.ts); this module joins them.
import type { ArgumentForm, ContextName, DirectiveFacts, DirectiveInfo, Placement, PlaceName } from './types';
import { PLACE_NAMES } from './types';
import { debianModules, directiveRows, directiveTables } from './data/apache-directives';
import { decodeDirective, rowIsSection, rowName } from './data/decode';
import { summariesA } from './data/summaries-a';
import { summariesB } from './data/summaries-b';
import { summariesC } from './data/summaries-c';

const APACHE_MANUAL = 'https://httpd.apache.org/docs/2.4/mod/';
const WSGI_MANUAL = 'https://modwsgi.readthedocs.io/en/master/configuration-directives/';

const PLACEMENT: Record<string, Placement> = { '+': 'allowed', o: 'override', h: 'handler' };
const DIRECTORY_PLACES: readonly PlaceName[] = ['directory', 'location', 'files', 'if', 'proxy'];

/** Usage shapes for directives the manual gives no syntax line for. */
const FORM_SYNTAX: Record<ArgumentForm, string> = {
  NO_ARGS: '',
  TAKE1: ' value',
  TAKE2: ' value1 value2',
  TAKE3: ' value1 value2 value3',
  TAKE12: ' value1 [value2]',
  TAKE13: ' value1 [value2 value3]',
  TAKE23: ' value1 value2 [value3]',
  TAKE123: ' value1 [value2 [value3]]',
  ITERATE: ' value [value] ...',
  ITERATE2: ' value1 value2 [value2] ...',
  FLAG: ' On|Off',
  RAW_ARGS: ' arguments ...',
  TAKE_ARGV: ' arguments ...',
};

/** The manual page a module's directives are on (core's and http_core's share core.html). */
function modulePage(module: string): string {
  const m = module.replace(/\.c$/, '');
  return m === 'http_core' ? 'core' : m === 'util_ldap' ? 'mod_ldap' : m;
}

function urlOf(f: DirectiveFacts): string {
  if (f.page === 'wsgi') return `${WSGI_MANUAL}${f.name}.html`;
  if (f.page === '') return APACHE_MANUAL;
  const [page, anchor] = (f.page ?? `${modulePage(f.module)}#${f.name.toLowerCase()}`).split('#');
  return `${APACHE_MANUAL}${page}.html${anchor ? '#' + anchor : ''}`;
}

function syntaxOf(f: DirectiveFacts): string {
  if (f.syntax) return f.syntax;
  return f.section ? `<${f.name} arguments> ... </${f.name}>` : f.name + FORM_SYNTAX[f.args];
}

function summaryOf(name: string): string {
  return summariesA[name] ?? summariesB[name] ?? summariesC[name] ?? '';
}

function toInfo(f: DirectiveFacts): DirectiveInfo {
  const places = Object.fromEntries(PLACE_NAMES.map((p, i) => [p, PLACEMENT[f.places[i]] ?? 'allowed'])) as Record<PlaceName, Placement>;
  const contexts: ContextName[] = [];
  if (places.server === 'allowed') contexts.push('server');
  if (places.virtualhost === 'allowed') contexts.push('virtualhost');
  if (DIRECTORY_PLACES.some((p) => places[p] === 'allowed')) contexts.push('directory');
  if (f.htaccess) contexts.push('htaccess');
  const info: DirectiveInfo = {
    name: f.name,
    module: f.module,
    section: f.section ?? false,
    contexts,
    args: f.args,
    syntax: syntaxOf(f),
    summary: summaryOf(f.name),
    url: urlOf(f),
    places,
  };
  if (f.htaccess && f.htaccess !== 'any') info.override = f.htaccess.split('|').join(' or ');
  if (f.default) info.default = f.default;
  if (f.alsoIn) info.alsoIn = f.alsoIn;
  if (f.obsolete) info.obsolete = true;
  if (f.notRegistered) info.notRegistered = f.notRegistered;
  return info;
}

// Entries are built on first lookup, from rows decoded on first lookup: a file names a few dozen of the ~770
// directives, and decoding them all, then building them all, cost the language server and the CLI several
// milliseconds of start-up. Each name maps to a slot holding its row and, once built, the facts and the entry: a
// lookup is one Map read (rules ask for every directive of a file, several times).
interface Slot {
  row: string;
  facts: DirectiveFacts | undefined;
  info: DirectiveInfo | undefined;
}

const slots: Slot[] = directiveRows.map((row) => ({ row, facts: undefined, info: undefined }));

function factsOf(slot: Slot): DirectiveFacts {
  return (slot.facts ??= decodeDirective(slot.row, debianModules, directiveTables));
}

function filled(slot: Slot): DirectiveInfo {
  return (slot.info ??= toInfo(factsOf(slot)));
}

// A few names exist both as a directive and as a section (MDomain and <MDomain>, LuaHookFixups and
// <LuaHookFixups>), so the two kinds are looked up separately. Indexed from the rows' name and kind fields alone.
const plain = new Map<string, Slot>();
const sectionForms = new Map<string, Slot>();
for (const slot of slots) (rowIsSection(slot.row) ? sectionForms : plain).set(rowName(slot.row).toLowerCase(), slot);

const entry = (s: Slot | undefined) => (s ? (s.info ?? filled(s)) : undefined);

/**
 * The entry for a name (lower case, sections without `<`). `section` picks the kind; without it the plain
 * directive wins and the section form is the fallback.
 */
export function directiveInfo(nameLower: string, section?: boolean): DirectiveInfo | undefined {
  if (section === true) return entry(sectionForms.get(nameLower));
  if (section === false) return entry(plain.get(nameLower));
  return entry(plain.get(nameLower) ?? sectionForms.get(nameLower));
}

let table: DirectiveInfo[] | undefined;

export function allDirectives(): readonly DirectiveInfo[] {
  return (table ??= slots.map(filled));
}

const accepted: { plain?: readonly string[]; sections?: readonly string[] } = {};

/**
 * The names Apache accepts (neither obsolete nor left out of Debian's build), plain directives or sections, in
 * catalogue order: what a misspelling is compared against. Read from the facts, the same fields allDirectives()
 * copies into its entries, so a first analysis does not build all ~770 entries (~5 ms) only for their names.
 */
export function acceptedNames(section: boolean): readonly string[] {
  const pick = () => slots.map(factsOf).filter((f) => (f.section ?? false) === section && !f.obsolete && !f.notRegistered).map((f) => f.name);
  return section ? (accepted.sections ??= pick()) : (accepted.plain ??= pick());
}
