// The one markdown renderer: hover and completion documentation both come from here, so a directive, an option
// or a daemon group reads the same wherever it is shown. Inputs are catalogue entries or plain views that the
// features build from the analysis; nothing here looks at the syntax tree.
import { PLACE_NAMES, type DirectiveInfo, type PlaceName } from './types';
import type { SectionInfo } from './sections';
import type { WsgiOptionDirective, WsgiOptionInfo, WsgiPositional } from './wsgi-option-types';
import type { WsgiSpecialValue } from './wsgi-special-values';

/** Inline code that survives backticks in the value (CommonMark: a longer fence, padded). */
export function code(text: string): string {
  const runs = text.match(/`+/g);
  const fence = '`'.repeat(runs ? Math.max(...runs.map((r) => r.length)) + 1 : 1);
  const pad = runs || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function block(text: string): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return `${fence}apacheconf\n${text}\n${fence}`;
}

const PLACE_WORDS: Record<PlaceName, string> = {
  server: 'server config',
  virtualhost: '`<VirtualHost>`',
  directory: '`<Directory>`',
  location: '`<Location>`',
  files: '`<Files>`',
  if: '`<If>`',
  proxy: '`<Proxy>`',
  limit: '`<Limit>`',
  authz: '`<RequireAll>`/`<RequireAny>`/`<RequireNone>`',
};
const DIRECTORY_KINDS: readonly PlaceName[] = ['directory', 'location', 'files', 'if', 'proxy'];

/** Where Apache accepts a directive, in words: the places it allows, then .htaccess with its AllowOverride class. */
export function placesText(info: Pick<DirectiveInfo, 'places' | 'contexts' | 'override'>): string {
  const allowed = PLACE_NAMES.filter((p) => info.places[p] === 'allowed');
  const everyDirectory = DIRECTORY_KINDS.every((p) => allowed.includes(p));
  const parts: string[] = [];
  for (const p of allowed) {
    if (!everyDirectory || !DIRECTORY_KINDS.includes(p)) parts.push(PLACE_WORDS[p]);
    else if (p === 'directory') parts.push('every directory section (`<Directory>`, `<Location>`, `<Files>`, `<If>`, `<Proxy>`)');
  }
  if (info.contexts.includes('htaccess')) parts.push(info.override ? `.htaccess (with \`AllowOverride ${info.override}\`)` : '.htaccess');
  return parts.length ? parts.join(', ') : 'nowhere: Apache rejects it in every place';
}

const directiveCache = new WeakMap<DirectiveInfo, string>();

/** A catalogued directive or section: what it does, syntax, default, where, module, link. Memoized (static data). */
export function directiveMarkdown(info: DirectiveInfo, section?: SectionInfo): string {
  const hit = directiveCache.get(info);
  if (hit !== undefined) return hit;
  const title = info.section ? `<${info.name}>` : info.name;
  const lines = [`**${code(title)}** — ${info.summary}`, '', block(info.syntax), ''];
  if (info.default !== undefined && info.default !== '') lines.push(`- Default: ${code(info.default)}`);
  lines.push(`- Allowed in: ${placesText(info)}`);
  if (info.obsolete) lines.push('- Obsolete: Apache keeps the name only to reject it with an explanation');
  if (info.notRegistered) lines.push(`- Not available in Debian's build: ${info.notRegistered}`);
  if (section?.transparent) lines.push('- Evaluated while Apache reads the file: the directives inside keep the context around it');
  lines.push(`- Module: ${code(info.module)}`, '', `[${info.module === 'mod_wsgi.c' ? 'mod_wsgi' : 'Apache'} documentation](${info.url})`);
  const text = lines.join('\n');
  directiveCache.set(info, text);
  return text;
}

/** A section Apache knows but the catalogue does not describe (yet): what the parser itself knows. */
export function bareSectionMarkdown(section: SectionInfo): string {
  const lines = [`**${code(`<${section.name}>`)}** — section`, ''];
  lines.push(section.argumentRequired ? `- Needs an argument: ${code(`<${section.name} …>`)}` : '- Takes no argument');
  if (section.transparent) lines.push('- Evaluated while Apache reads the file: the directives inside keep the context around it');
  return lines.join('\n');
}

const optionCache = new WeakMap<WsgiOptionInfo, string>();

/** A `name=value` option of a mod_wsgi directive: meaning, value, default, range, first release, example. */
export function optionMarkdown(directive: WsgiOptionDirective, option: WsgiOptionInfo): string {
  const hit = optionCache.get(option);
  if (hit !== undefined) return hit;
  const text = [
    `**${code(`${option.name}=`)}** (${directive.name} option) — ${option.summary}`,
    '',
    `- Value: ${option.valueType}`,
    `- Allowed: ${option.range}`,
    `- Default: ${option.default}`,
    `- Example: ${code(option.example)}`,
    option.since === '4.1.0' ? '- Available in every mod_wsgi 4.x' : `- Since mod_wsgi ${option.since}`,
    '',
    `[mod_wsgi documentation](${directive.url})`,
  ].join('\n');
  optionCache.set(option, text);
  return text;
}

/** A positional argument of a mod_wsgi directive (`WSGIScriptAlias URL-path script-path`). */
export function positionalMarkdown(directive: WsgiOptionDirective, positional: WsgiPositional): string {
  return `**${positional.name}** (${directive.name} argument) — ${positional.summary}\n\n[mod_wsgi documentation](${directive.url})`;
}

const SLOT_WORDS: Record<WsgiSpecialValue['slot'], string> = {
  'process-group': 'as a process group (WSGIProcessGroup, process-group=)',
  'application-group': 'as an application group, i.e. a Python sub-interpreter (WSGIApplicationGroup, application-group=)',
  'callable-object': 'as the callable name (WSGICallableObject, callable-object=)',
  'restrict-process': 'in WSGIRestrictProcess',
  'display-name': 'in display-name=',
};

const GLOBAL_NOTE =
  'Why it matters: Python C extensions written for a single interpreter (numpy, lxml, some database drivers) ' +
  'can deadlock or fail when imported in a sub-interpreter; running them in the main interpreter avoids that.';

/** A mod_wsgi `%{…}` value: what it selects where it stands. `written` is the value as in the file. */
export function specialValueMarkdown(written: string, entry: WsgiSpecialValue): string {
  const lines = [`**${code(written)}** ${SLOT_WORDS[entry.slot]} — ${entry.meaning}`];
  if (entry.value === '%{GLOBAL}' && entry.slot === 'application-group') lines.push('', GLOBAL_NOTE);
  if (entry.value === '%{ENV:variable}') lines.push('', 'Expanded for every request; mod_wsgi does not check the name while reading the configuration.');
  return lines.join('\n');
}

/** An unknown `%{…}` form: mod_wsgi does not expand it, it is taken literally. */
export function unknownSpecialMarkdown(written: string): string {
  return `**${code(written)}** is not a value mod_wsgi expands here: it is used literally, as a name.`;
}

/** A place in the configuration as hovers show it: `line 4` plus where it sits. */
export interface PlaceView {
  line: number;
  where: string;
  /** Set when the place is in another file of the server than the hovered document. */
  file?: string;
}

export interface DaemonGroupView {
  name: string;
  definitions: Array<PlaceView & { options: Array<[string, string]> }>;
  users: Array<PlaceView & { via: string }>;
  /** What was searched: "this file" (default) or the server tree. */
  scope?: string;
}

const place = (p: PlaceView) => `${p.file ? `${code(p.file)} ` : ''}line ${p.line + 1}${p.where ? `, ${p.where}` : ''}`;

/** A daemon process group: where it is defined, its options, who delegates to it. */
export function daemonGroupMarkdown(view: DaemonGroupView): string {
  const lines = [`**Daemon process group ${code(view.name)}**`, ''];
  if (view.definitions.length === 0) lines.push(`No \`WSGIDaemonProcess ${view.name}\` in ${view.scope ?? 'this file'}.`);
  for (const d of view.definitions) {
    lines.push(`Defined by \`WSGIDaemonProcess\` on ${place(d)}`);
    for (const [k, v] of d.options) lines.push(`- ${code(`${k}=${v}`)}`);
    if (d.options.length === 0) lines.push('- no options: 1 process with 15 threads');
  }
  lines.push('');
  if (view.users.length === 0) lines.push('Nothing delegates to it: requests still run embedded in Apache.');
  else lines.push(`Used by ${view.users.length === 1 ? '1 directive' : `${view.users.length} directives`}:`, ...view.users.map((u) => `- ${u.via} on ${place(u)}`));
  return lines.join('\n');
}

export interface DefineView {
  name: string;
  definitions: Array<PlaceView & { value: string | null; undefine: boolean }>;
  uses: number;
  /** What was searched: "this file" (default) or the server tree. */
  scope?: string;
  /** The value the environment gives it (Debian's envvars), when known. */
  environment?: { value: string; file: string };
}

/** A `Define`d variable: its value(s) and where they are set. */
export function defineMarkdown(view: DefineView): string {
  const lines = [`**Variable ${code('${' + view.name + '}')}**`, ''];
  if (view.environment) {
    lines.push(`Exported by ${code(view.environment.file)}: ${code(view.environment.value)}${view.definitions.length ? ' (a `Define` of the same name wins)' : ''}.`, '');
  }
  if (view.definitions.length === 0 && !view.environment) {
    lines.push(`No \`Define ${view.name}\` in ${view.scope ?? 'this file'}: Apache takes it from a \`-D\` flag or the environment (Debian's envvars), or leaves \`\${${view.name}}\` as written and warns.`);
  }
  for (const d of view.definitions) {
    if (d.undefine) lines.push(`- \`UnDefine\` on ${place(d)}`);
    else lines.push(`- ${d.value === null ? 'defined without a value' : `set to ${code(d.value)}`} on ${place(d)}`);
  }
  lines.push('', `${view.uses === 1 ? '1 use' : `${view.uses} uses`} in ${view.scope ?? 'this file'}.`);
  return lines.join('\n');
}

export interface RequireProviderView {
  name: string;
  module: string;
  args: string;
  summary: string;
  url: string;
}

export function requireProviderMarkdown(p: RequireProviderView): string {
  return [`**${code(`Require ${p.name}`)}** — ${p.summary}`, '', block(`Require ${p.name}${p.args ? ' ' + p.args : ''}`), '', `- Module: ${code(p.module)}`, '', `[Apache documentation](${p.url})`].join('\n');
}

/** What the script lookup made of a WSGI script path (server/features/scriptTarget.ts builds it). */
export type ScriptTargetView =
  /** `via`: the trailing segments shared with a workspace file; undefined when the path itself exists. */
  | { state: 'found'; file: string; via: string | undefined }
  | { state: 'missing'; tried: string; searched: readonly string[]; complete: boolean; absoluteChecked: boolean }
  /** `onlyName`: one candidate, sharing nothing but the file name; else a tie between the candidates. */
  | { state: 'ambiguous'; candidates: readonly string[]; onlyName: boolean }
  | { state: 'skipped'; target: string; why: string }
  | { state: 'unknown-variables'; names: readonly string[] };

const MAX_LISTED = 5;
const list = (items: readonly string[]) => [...items.slice(0, MAX_LISTED).map((f) => `- ${code(f)}`), ...(items.length > MAX_LISTED ? [`- and ${items.length - MAX_LISTED} more`] : [])];

/** The script file behind a path argument, or why we name none. */
export function scriptTargetMarkdown(view: ScriptTargetView): string {
  switch (view.state) {
    case 'found':
      return `**Script:** ${code(view.file)}\n\n${view.via === undefined ? 'The configured path itself.' : `The workspace file that shares ${code(view.via)} with the configured path.`}`;
    case 'missing': {
      const where = view.searched.length ? `no file of that name under ${view.searched.map(code).join(', ')}` : 'no workspace folder to look in';
      const lines = [`**Script not found:** ${code(view.tried)}${view.absoluteChecked ? ' does not exist, and' : ' (not read: outside the workspace);'} ${where}.`];
      if (!view.complete) lines.push('', 'The search stopped at its folder budget: the file may be further down.');
      return lines.join('\n');
    }
    case 'ambiguous':
      return [
        view.onlyName
          ? '**Script not resolved:** the only workspace file of that name shares nothing else with the configured path:'
          : `**Script not resolved:** ${view.candidates.length} workspace files match the configured path equally well:`,
        ...list(view.candidates),
      ].join('\n');
    case 'skipped':
      return `**Script not looked for:** ${code(view.target)} is ${view.why}.`;
    case 'unknown-variables':
      return `**Script not looked for:** ${view.names.map((n) => code('${' + n + '}')).join(', ')} ${view.names.length === 1 ? 'has' : 'have'} no value we know here.`;
  }
}

/** A variable of an httpd expression, by what it describes (hover and completion). */
export function exprVariableMarkdown(name: string, about: string): string {
  return `**\`%{${name}}\`** — expression variable: ${about}.\n\n[Variables in expressions](https://httpd.apache.org/docs/2.4/expr.html#vars)`;
}
