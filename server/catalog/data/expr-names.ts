// The names an httpd 2.4 expression (<If>, <ElseIf>) may use, as Apache looks them up while it parses one
// (server/util_expr_eval.c): an unknown name makes configtest fail ("Variable 'X' does not exist"). Checked
// name by name against Debian's apache2 2.4.71 with every module loaded.

/** The core's variables by what they describe (completion documents each with its group). */
export const EXPR_VARIABLE_GROUPS: ReadonlyArray<{ about: string; names: readonly string[] }> = [
  {
    about: 'the request and how Apache maps it',
    names: [
      'REQUEST_METHOD', 'REQUEST_SCHEME', 'REQUEST_URI', 'REQUEST_FILENAME', 'REMOTE_HOST', 'REMOTE_IDENT',
      'REMOTE_USER', 'SERVER_ADMIN', 'SERVER_NAME', 'SERVER_PORT', 'SERVER_PROTOCOL', 'SCRIPT_FILENAME', 'PATH_INFO',
      'QUERY_STRING', 'IS_SUBREQ', 'DOCUMENT_ROOT', 'AUTH_TYPE', 'THE_REQUEST', 'CONTENT_TYPE', 'HANDLER',
      'REQUEST_LOG_ID', 'SCRIPT_USER', 'SCRIPT_GROUP', 'DOCUMENT_URI', 'LAST_MODIFIED', 'CONTEXT_PREFIX',
      'CONTEXT_DOCUMENT_ROOT', 'REQUEST_STATUS', 'REMOTE_ADDR', 'REMOTE_PORT',
    ],
  },
  {
    // Any other header: %{HTTP:Name} or req('Name').
    about: 'a request header (any other one: %{HTTP:Name} or req(\'Name\'))',
    names: ['HTTP_USER_AGENT', 'HTTP_PROXY_CONNECTION', 'HTTP_REFERER', 'HTTP_COOKIE', 'HTTP_FORWARDED', 'HTTP_HOST', 'HTTP_ACCEPT'],
  },
  { about: 'the connection', names: ['HTTPS', 'IPV6', 'CONN_LOG_ID', 'CONN_REMOTE_ADDR', 'HTTP2'] },
  {
    about: 'the time or the server',
    names: ['TIME_YEAR', 'TIME_MON', 'TIME_DAY', 'TIME_HOUR', 'TIME_MIN', 'TIME_SEC', 'TIME_WDAY', 'TIME', 'SERVER_SOFTWARE', 'API_VERSION'],
  },
];

/** Variables of the core, matched case-insensitively (`%{http_host}` is `%{HTTP_HOST}`). */
export const EXPR_VARIABLES: readonly string[] = EXPR_VARIABLE_GROUPS.flatMap((g) => g.names);

/** String functions of the core (`tolower(…)`, `%{req:Host}`), matched case-insensitively. */
export const EXPR_FUNCTIONS: readonly string[] = [
  'req', 'http', 'req_novary', 'resp', 'reqenv', 'osenv', 'note', 'env', 'tolower', 'toupper', 'escape', 'unescape',
  'file', 'filesize', 'base64', 'unbase64', 'sha1', 'md5', 'ldap',
];

export interface ExprOperator {
  /** Without the leading '-'. */
  name: string;
  /** The operand Apache parses while reading (a subnet): it must be one quoted string without variables. */
  subnetOperand?: true;
}

/** Unary tests (`-z %{X}`), matched case-sensitively (`-d` is a directory test, `-D` does not exist). */
export const EXPR_UNARY: readonly ExprOperator[] = [
  { name: 'n' }, { name: 'z' }, { name: 'R', subnetOperand: true }, { name: 'T' }, { name: 'd' }, { name: 'e' },
  { name: 'f' }, { name: 's' }, { name: 'L' }, { name: 'h' }, { name: 'x' }, { name: 'F' }, { name: 'U' }, { name: 'A' },
];

/** Binary tests (`%{X} -strmatch 'a*'`) besides the comparisons the grammar knows, matched case-insensitively. */
export const EXPR_BINARY: readonly ExprOperator[] = [
  { name: 'ipmatch', subnetOperand: true }, { name: 'fnmatch' }, { name: 'strmatch' }, { name: 'strcmatch' },
];

/** Names a module adds while it is loaded, matched case-insensitively like the core's. */
export interface ModuleExprNames {
  module: string;
  /** Its LoadModule identifier, for the modules a configuration loads. */
  id: string;
  /** Every variable starting with this (`%{SSL_PROTOCOL}`). */
  variablePrefix: string;
  functions: readonly string[];
  listFunctions: readonly string[];
}

export const MODULE_EXPR_NAMES: readonly ModuleExprNames[] = [
  { module: 'mod_ssl', id: 'ssl_module', variablePrefix: 'SSL_', functions: ['SSL'], listFunctions: ['PeerExtList'] },
  { module: 'mod_proxy_hcheck', id: 'proxy_hcheck_module', variablePrefix: 'HC_', functions: ['HC'], listFunctions: [] },
];
