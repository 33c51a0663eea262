// Authorization providers `Require` accepts, with the module that registers each. Apache refuses a provider no
// loaded module registers ("Unknown Authz provider"). Summaries are ours.
import type { RequireProviderView } from '../catalog/render';

const DOCS = 'https://httpd.apache.org/docs/2.4/mod/';

const p = (name: string, module: string, args: string, summary: string, url = `${DOCS}${module.replace(/\.c$/, '')}.html`): RequireProviderView => ({
  name,
  module,
  args,
  summary,
  url,
});

export const REQUIRE_PROVIDERS: readonly RequireProviderView[] = [
  p('all', 'mod_authz_core.c', 'granted|denied', 'Lets every request through (`granted`) or none (`denied`).'),
  p('env', 'mod_authz_core.c', 'env-variable [env-variable] …', 'Grants access when one of the named environment variables is set (SetEnvIf, RewriteRule [E=]).'),
  p('method', 'mod_authz_core.c', 'http-method [http-method] …', 'Grants access for the listed HTTP methods only.'),
  p('expr', 'mod_authz_core.c', 'expression', 'Grants access when the ap_expr expression is true.'),
  p('ip', 'mod_authz_host.c', 'address [address] …', 'Grants access to clients from the listed IP addresses or networks (CIDR or partial addresses).'),
  p('host', 'mod_authz_host.c', 'hostname [hostname] …', 'Grants access to clients whose double-checked reverse DNS name ends in one of the listed names.'),
  p('forward-dns', 'mod_authz_host.c', 'hostname [hostname] …', 'Grants access to clients whose address one of the listed names resolves to (forward lookup only).'),
  p('local', 'mod_authz_host.c', '', 'Grants access to connections from the server itself (loopback or its own address).'),
  p('user', 'mod_authz_user.c', 'userid [userid] …', 'Grants access to the listed authenticated users.'),
  p('valid-user', 'mod_authz_user.c', '', 'Grants access to any user who authenticated successfully.'),
  p('group', 'mod_authz_groupfile.c', 'group-name [group-name] …', 'Grants access to members of the listed groups from AuthGroupFile.'),
  p('file-owner', 'mod_authz_owner.c', '', 'Grants access when the authenticated user name equals the owner of the requested file.'),
  p('file-group', 'mod_authz_owner.c', '', 'Grants access when the authenticated user belongs to the group owning the requested file.'),
  p('dbm-group', 'mod_authz_dbm.c', '', 'Grants access to members of groups stored in a DBM file (AuthDBMGroupFile).'),
  p('dbd-group', 'mod_authz_dbd.c', 'group [group] …', 'Grants access to members of groups looked up with an SQL query (AuthzDBDQuery).'),
  p('ldap-user', 'mod_authnz_ldap.c', 'userid [userid] …', 'Grants access to the listed LDAP users.'),
  p('ldap-group', 'mod_authnz_ldap.c', 'group-dn', 'Grants access to members of the LDAP group.'),
  p('ldap-dn', 'mod_authnz_ldap.c', 'dn', 'Grants access to the user with this LDAP distinguished name.'),
  p('ldap-attribute', 'mod_authnz_ldap.c', 'attribute=value', 'Grants access when the user\'s LDAP entry has this attribute value.'),
  p('ldap-filter', 'mod_authnz_ldap.c', 'filter', 'Grants access when the user\'s LDAP entry matches the search filter.'),
  p('wsgi-group', 'mod_wsgi.c', 'group [group] …', 'Grants access when the groups_for_user() hook of WSGIAuthGroupScript lists one of these groups for the user.',
    'https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIAuthGroupScript.html'),
];

const byName = new Map(REQUIRE_PROVIDERS.map((r) => [r.name, r]));

/** Apache looks providers up by exact (case-sensitive) name. */
export function requireProvider(name: string): RequireProviderView | undefined {
  return byName.get(name);
}
