// Section (container) directives Apache knows, and whether the opening tag needs an argument.
// The parser needs only this much; where each section may nest is in the directive catalogue
// (`directiveInfo(name, true).places`, measured with the real apache2).

export interface SectionInfo {
  name: string;
  /** `<Else>`, `<RequireAll>` … take no argument; the others fail configtest without one. */
  argumentRequired: boolean;
  /** Transparent sections do not change the directive context (Apache evaluates them while reading). */
  transparent: boolean;
  /** The body is not configuration Apache reads here: inline Lua code, or a <Macro> read only where it is used. */
  rawBody?: boolean;
}

const table: SectionInfo[] = [
  { name: 'VirtualHost', argumentRequired: true, transparent: false },
  { name: 'Directory', argumentRequired: true, transparent: false },
  { name: 'DirectoryMatch', argumentRequired: true, transparent: false },
  { name: 'Location', argumentRequired: true, transparent: false },
  { name: 'LocationMatch', argumentRequired: true, transparent: false },
  { name: 'Files', argumentRequired: true, transparent: false },
  { name: 'FilesMatch', argumentRequired: true, transparent: false },
  { name: 'If', argumentRequired: true, transparent: false },
  { name: 'ElseIf', argumentRequired: true, transparent: false },
  { name: 'Else', argumentRequired: false, transparent: false },
  { name: 'IfModule', argumentRequired: true, transparent: true },
  { name: 'IfDefine', argumentRequired: true, transparent: true },
  { name: 'IfVersion', argumentRequired: true, transparent: true },
  { name: 'IfFile', argumentRequired: true, transparent: true },
  { name: 'IfDirective', argumentRequired: true, transparent: true },
  { name: 'IfSection', argumentRequired: true, transparent: true },
  { name: 'Proxy', argumentRequired: true, transparent: false },
  { name: 'ProxyMatch', argumentRequired: true, transparent: false },
  { name: 'Limit', argumentRequired: true, transparent: false },
  { name: 'LimitExcept', argumentRequired: true, transparent: false },
  { name: 'RequireAll', argumentRequired: false, transparent: false },
  { name: 'RequireAny', argumentRequired: false, transparent: false },
  { name: 'RequireNone', argumentRequired: false, transparent: false },
  { name: 'AuthnProviderAlias', argumentRequired: true, transparent: false },
  { name: 'AuthzProviderAlias', argumentRequired: true, transparent: false },
  { name: 'Macro', argumentRequired: true, transparent: false, rawBody: true },
  { name: 'MDomainSet', argumentRequired: true, transparent: false },
  { name: 'MDomain', argumentRequired: true, transparent: false },
  ...[
    'LuaHookPreTranslateName', 'LuaHookTranslateName', 'LuaHookFixups', 'LuaHookMapToStorage', 'LuaHookCheckUserID',
    'LuaHookTypeChecker', 'LuaHookAccessChecker', 'LuaHookAuthChecker', 'LuaQuickHandler',
  ].map((name) => ({ name, argumentRequired: false, transparent: false, rawBody: true })),
];

export const sections: ReadonlyMap<string, SectionInfo> = new Map(table.map((s) => [s.name.toLowerCase(), s]));

export function sectionInfo(nameLower: string): SectionInfo | undefined {
  return sections.get(nameLower);
}
