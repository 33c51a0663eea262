import { ruleTable } from '../../helpers/rule-table';

ruleTable('invalid-argument', {
  valid: [
    // authentication providers Debian's modules register, and one the configuration defines before it is used
    '<Location /x>\n  AuthBasicProvider file ldap anon\n  AuthDigestProvider file dbm dbd socache\n  AuthFormProvider socache\n</Location>\n',
    '<AuthnProviderAlias ldap corp>\n</AuthnProviderAlias>\n<Location /x>\n  AuthBasicProvider corp file\n</Location>\n',
    'KeepAlive on\nKeepAlive OFF\nHostnameLookups Double\nServerTokens prod\nServerSignature EMail\nSSLEngine optional\n',
    '<Directory /srv>\n  Options None +Indexes\n  Options -Indexes -ExecCGI\n  Options FollowSymLinks MultiViews\n  AllowOverride FileInfo AuthConfig Options=Indexes,MultiViews Nonfatal=Override\n</Directory>\n',
    'Header always set X-Frame-Options DENY\nHeader unset Server\nHeader edit Location ^http: https:\nHeader set X a env=!NOPE\nHeader set X a "expr=%{HTTPS} == \'on\'"\nRequestHeader unset Proxy early\nHeader echo ^X-\n',
    'LogLevel warn\nLogLevel info ssl:warn rewrite:trace3 mod_wsgi.c:debug\n',
    '<AuthzProviderAlias ldap-group admins cn=admins>\n</AuthzProviderAlias>\n<Location />\n  <RequireAll>\n    Require admins\n    Require not ip 10.1.2.3\n    Require NOT ip 10.1.2.4\n    Require "Not" host example.com\n    Require wsgi-group staff\n  </RequireAll>\n</Location>\n',
    '<Directory /srv>\n  Order Deny,Allow\n  Deny From All\n  Allow from 10.1 192.168.0.0/255.255.0.0 ::1 .example.com env=!NOPE env=LOCAL\n</Directory>\n',
    '<Location />\n  <RequireAny>\n    Require all GRANTED\n    Require ip 10.1 10.2. 192.168.0.0/255.255.0.0 fe80::/10 ::1\n    Require method GET HEAD PATCH VERSION-CONTROL\n    Require host example.com\n    Require env\n  </RequireAny>\n</Location>\n',
    '<VirtualHost *:80>\n  Alias /static /srv/static\n  <Location /media>\n    Alias /srv/media\n  </Location>\n</VirtualHost>\n',
    // Unknown ${VAR} is not judged; skipped bodies neither.
    'KeepAlive ${KA}\n<IfModule !mod_headers.c>\n  Header sett X y\n</IfModule>\n',
    // the modules Debian's files hold (the MPMs and mod_ldap are named otherwise than their sources); a file that is
    // not Debian's is not judged
    'LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so\nLoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so\nLoadModule ldap_module modules/mod_ldap.so\nLoadModule foo_module modules/mod_foo.so\nLoadModule ${M} modules/mod_ssl.so\n',
    // AllowOverrideList: directive names in any case, None alone; AuthnzFcgiCheckAuthnProvider: option/value pairs
    // (DefaultUser and UserExpr values are not On/Off), None without options.
    '<Directory /srv>\n  AllowOverrideList Redirect redirectmatch Header\n  AllowOverrideList NONE\n</Directory>\n',
    '<Location />\n  AuthnzFcgiCheckAuthnProvider x authoritative off DefaultUser nobody RequireBasicAuth ON UserExpr %{reqenv:U}\n  AuthnzFcgiCheckAuthnProvider None\n</Location>\n',
    // Keyword and number directives found by the made-up-word sweep (each value verified with apache2 -t): any letter
    // case, except where the module compares exactly; numbers as each module reads them (atoi takes '1.5' as 1 and
    // '5s' as 5; a timeout takes a unit and ignores what follows it; a number of more than nine digits is not judged).
    'UseCanonicalPhysicalPort off\nProtocolsHonorOrder ON\nH2Push off\nSSLVerifyClient optional_no_ca\nSSLProxyVerify REQUIRE\nProxyStatus full\nCookieSameSite lax\n',
    '<Directory /srv>\n  AuthLDAPDereferenceAliases always\n  AuthMerging and\n  XBitHack Full\n</Directory>\n',
    'LimitRequestBody 10485760\nLimitRequestBody +5\nLimitRequestBody -0\nReadBufferSize 4294967295\nFlushMaxPipelined -1\nLimitRequestBody 99999999999999999999\n',
    'KeepAliveTimeout 5\nKeepAliveTimeout 500ms\nKeepAliveTimeout 2min\nKeepAliveTimeout 1hour\nH2StreamTimeout 0\n',
    'ProxyTimeout 1.5\nProxyTimeout 10k\nDeflateCompressionLevel 9\nDeflateWindowSize 15\nH2WindowSize 65535\nMaxRanges unlimited\nMaxRanges 10\nLimitInternalRecursion 20 20\n',
    // SSLProtocol: mod_ssl's names in any case, each with + or -; SSLv2 and SSLv3 only switched off
    'SSLProtocol all -SSLv2 -SSLv3 -TLSv1 -tlsv1.1\nSSLProxyProtocol -ALL +TLSv1.2 +TLSv1.3\n',
    // word lists: any letter case, signs where the module reads them; an ITERATE directive stops at an empty word
    'SSLOptions +StdEnvVars -exportcertdata\nRewriteOptions inherit MaxRedirects=5\nHttpProtocolOptions strict lenientmethods allow0.9\nRewriteOptions Inherit "" Bogus\n',
    // AllowMethods: methods as httpd names them, or reset (any case) alone; FileETag: components with signs, All/None bare
    '<Directory /srv>\n  AllowMethods GET POST PATCH\n  AllowMethods RESET\n  FileETag mtime +size -INode\n  FileETag None\n</Directory>\n',
    // Listen: a port, or address:port; a host name's port is judged, not whether it resolves; any protocol word.
    // TAKE_ARGV: a last "" is no argument (AllowMethods GET "" passes)
    'Listen 8080\nListen 127.0.0.1:8081 https\nListen [::1]:8082\nListen *:8083\nListen localhost:8084\nListen 8085 ""\nListen [fe80::1%lo]:8086\nListen [::ffff:127.0.0.1]:8087\n<Directory /srv>\n  AllowMethods GET ""\n</Directory>\n',
    // Redirect: a status word or number, the path, the target (3xx only, an absolute URL or a path); inside <Location>
    // the status and target alone are an expression (not judged)
    'Redirect permanent / https://a.example/\nRedirect /old /new\nRedirect gone /gone\nRedirect 410 /x\nRedirect seeother /a mailto:x@y\n<Location /old>\n  Redirect 301 /new\n</Location>\n',
    // expiry codes (first letters only; a code starting with a capital A or M is the old form, never checked) and
    // RequestReadTimeout's key=value words (Debian's reqtimeout.conf)
    'ExpiresDefault "access plus 1 month"\nExpiresDefault "now plus 2 hours 30 minutes"\nExpiresDefault A2592000\nExpiresByType text/css "Access plus 1 fortnight"\nExpiresByType image/png "a p 1 yeer"\n',
    'RequestReadTimeout header=20-40,MinRate=500 body=20,minrate=500\nRequestReadTimeout handshake=5 header=+10 body=0\n',
    // patterns PCRE compiles (non-capturing and inline-flag groups included); RewriteCond tests and comparisons are
    // no patterns
    // RewriteRule's flags in brackets (a quoted "[L, R]" is one word; a fourth word is ignored)
    'RewriteEngine On\nRewriteRule ^(.*)$ /x "[L, R]"\nRewriteRule ^(.*)$ /y [L,QSA] ignored\nRewriteCond %{HTTP_HOST} ^a "[ nocase , OR ]"\nRewriteCond %{HTTP_HOST} ^b [NV]\n',
    // RewriteRule's flag names as mod_rewrite reads them (apache2 -t): short and long, any letter case, blanks
    // around an item, a value after '=' on any flag; every name starting with D is DPI (mod_rewrite never refuses
    // one); R's words and numbers it knows (atoi: '0301' and '301abc' are 301; a value not starting with a digit is
    // not checked); BNE with a value; the other values are read only when a request runs
    'RewriteEngine On\nRewriteRule ^ /a [qsa,l,r=301,NE,END,PT,B,BNE=/,BCTLS,BNP,backrefernoplus,C,CO=a:b,DPI,E=a:b,F,G,H=x,N=5,NS,P,QSD,QSL,S=1,T=x,UNC,UnsafeAllow3F,UnsafePrefixStat]\nRewriteRule ^ /b "[ Last , noescape ,Redirect=Permanent ]"\nRewriteRule ^ /c [R=0301,R=301abc,R=temp,R=Moved,R=-999,R=,L=x]\nRewriteRule ^ /d [discardpath,Dance,d]\n',
    // a line mod_rewrite splits otherwise (a backslash before a blank joins words) is not judged
    'RewriteEngine On\nRewriteRule ^a\\ b /x [L]\nRewriteRule ^ /x [E="a"]\nRewriteRule ^ /x [R=4294967597]\n',
    '<FilesMatch "\\.(?i:py|pyc)$">\n</FilesMatch>\n<Directory ~ "^/srv/(a|b)/">\n</Directory>\nAliasMatch ^/static/(.*)$ /srv/static/$1\nRedirectMatch permanent ^/old/(.*) https://a.example/$1\nRewriteEngine On\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{HTTP_HOST} =(a\nRewriteRule !^/(api|static)/ /index.php [L]\n',
    // IndexOptions: features in any letter case with + or -, None before bare features (or followed only by signed
    // ones and settings), -NameWidth/-DescriptionWidth bare, widths of 0, at least the minimum, * or what atoi reads
    // so (4294967301 is 5 to it), Type=/Charset= with anything; None in another section; a last "" is no word;
    // a value quoted after '=' keeps its quotes to Apache (not judged)
    'IndexOptions fancyindexing VersionSort HTMLTable NameWidth=* DescriptionWidth=* Charset=UTF-8\nIndexOptions +FoldersFirst -SuppressIcon XHTML ShowForbidden AddAltClass IgnoreCase UseOldDateFormat\n',
    '<Directory /srv>\n  IndexOptions FancyIndexing None +HTMLTable UseOldDateFormat -NameWidth IconWidth Type=text/html\n  IndexOptions -DescriptionWidth NameWidth=5 DescriptionWidth=12 NameWidth=0 NameWidth=x IconHeight=-3 "NameWidth=4294967301"\n  IndexOptions -IconWidth +Charset= ""\n  IndexOptions NameWidth="3"\n</Directory>\n',
    '<Directory /srv>\n  IndexOptions None\n</Directory>\n<Directory /srv>\n  IndexOptions FancyIndexing\n  <Files x>\n    IndexOptions VersionSort\n  </Files>\n</Directory>\n<IfDefine NOPE>\n  IndexOptions None\n</IfDefine>\nIndexOptions HTMLTable\n',
    // ProxyPass(Match): patterns that compile ('\\\\(' is '\\(' to httpd's word reader), ProxyPass's prefix not
    // compiled (nor <Location>'s path without a wildcard); flags and key=value parameters after the URL
    'ProxyPassMatch "^/api/(.*)$" http://127.0.0.1:8080/$1 retry=0 NoCanon\nProxyPassMatch ^/static/ !\nProxyPass ~ ^/a(b)? http://127.0.0.1:8080/ mapping=Servlet\nProxyPass /a( http://127.0.0.1:8080/\nProxyPassMatch ^/x\\\\(y http://127.0.0.1:8080/\nAliasMatch ^/a\\\\(b /srv/a\nSetEnvIf Host ^a\\\\(b X=1\nRedirectMatch ^/r\\\\(s /t\n<LocationMatch "^/l\\\\(m">\n</LocationMatch>\nProxyRemoteMatch ^http://a(b)? http://proxy.example:3128\n',
    '<Location "/a(">\n  ProxyPass http://127.0.0.1:8080/ timeout=5\n</Location>\n<Location "/b[(">\n  ProxyPass http://127.0.0.1:8080/\n</Location>\n<LocationMatch "^/c(.*)">\n  ProxyPassMatch http://127.0.0.1:8080/\n</LocationMatch>\nProxyPass /u "unix:/run/app.sock|http://"\n',
    // <IfVersion>: operators with an optional !, versions of up to three parts (a dot may end one), patterns
    '<IfVersion >= 2.4>\n</IfVersion>\n<IfVersion !< 2.4.>\n</IfVersion>\n<IfVersion 2>\n</IfVersion>\n<IfVersion ~ ^2\\.4>\n</IfVersion>\n<IfVersion != /^3/>\n</IfVersion>\n',
  ],
  invalid: [
    {
      // the module's name mistyped: Apache looks it up in the file by that name (found by the differential fuzz)
      code: 'LoadModule «mpm=_prefork_module» /usr/lib/apache2/modules/mod_mpm_prefork.so\n',
      fixed: 'LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so\n',
      message: ["mod_mpm_prefork.so holds the module mpm_prefork_module", "Can't locate API module structure"],
    },
    {
      code: 'LoadModule «WSGI_module» modules/mod_wsgi.so\n',
      fixed: 'LoadModule wsgi_module modules/mod_wsgi.so\n',
    },
    {
      code: 'KeepAlive «yes»\n',
      fixed: 'KeepAlive On\n',
      message: ['KeepAlive must be On or Off'],
    },
    {
      code: 'HostnameLookups «dubble»\n',
      fixed: 'HostnameLookups Double\n',
      message: ["parameter must be 'on', 'off', or 'double'"],
    },
    {
      code: '<Directory /srv>\n  Options +Indexes «FollowSymLinks»\n</Directory>\n',
      fixed: '<Directory /srv>\n  Options +Indexes +FollowSymLinks\n</Directory>\n',
      message: ['Either all Options must start with + or -, or no Option may.'],
    },
    {
      // a prefix would not make 'F' a keyword: no fix for the mix (Apache's next complaint would be on the same word)
      code: '<Directory /srv>\n  Options +Indexes «F»\n</Directory>\n',
      message: ['Either all Options must start with + or -, or no Option may.'],
    },
    {
      code: '<Directory /srv>\n  Options Indexes «+FollowSymLinks»\n</Directory>\n',
      fixed: '<Directory /srv>\n  Options Indexes FollowSymLinks\n</Directory>\n',
    },
    {
      code: '<Directory /srv>\n  Options «FollowSymLink»\n</Directory>\n',
      fixed: '<Directory /srv>\n  Options FollowSymLinks\n</Directory>\n',
      message: ['Illegal option FollowSymLink'],
    },
    { code: '<Directory /srv>\n  Options Indexes «None»\n</Directory>\n', message: ["'Options None' must be the first Option given."] },
    {
      code: '<Directory /srv>\n  AllowOverride «FileInf»\n</Directory>\n',
      fixed: '<Directory /srv>\n  AllowOverride FileInfo\n</Directory>\n',
      message: ['Illegal override option FileInf'],
    },
    { code: '<Directory /srv>\n  AllowOverride «Nonfatal»\n</Directory>\n', message: ['=Override, =Unknown or =All expected after Nonfatal'] },
    {
      code: 'Header «sett» X-Foo bar\n',
      fixed: 'Header set X-Foo bar\n',
      message: ["first argument must be 'add', 'set'"],
    },
    { code: 'Header set «X-Foo»\n', message: ['Header requires three arguments'] },
    { code: 'Header set X-Foo bar «sometimes»\n', message: ['Unknown parameter: sometimes'] },
    // An expr= condition is parsed while Apache reads the line; the value's expr= (a string expression) is not.
    { code: 'Header always set X-Foo bar «"expr=%{REQUEST_STATUS} == 200 && %{HTTP_HOST} == example.com"»\n', message: ["'example' is read as a function name", "Can't parse envclause/expression"] },
    { code: 'RequestHeader unset X-Forwarded-User «"EXPR=-n %{HTTP:X-Remote-Usr} && -R \'10.0.0.0/33\'"»\n', message: ['not an address or subnet'] },
    { code: 'RequestHeader «echo» X\n', message: ['Header echo only valid on Header directives'] },
    // names that would still fail are not offered: 'echo' is for Header only, 'set' needs a value
    { code: 'RequestHeader «e<cho» X\n', message: ["'e<cho' is not a RequestHeader action"] },
    { code: 'Header «se» X\n', message: ["'se' is not a Header action"] },
    // a word that Apache would refuse again at the same place is no fix: 'None' must come first, 'nosuchmod' is no module
    { code: '<Directory /srv>\n  Options Indexes «None<»\n</Directory>\n', message: ["'None<' is not an Options keyword"] },
    { code: 'LogLevel warn «nosuchmod:i<nfo»\n' },
    // a quoted word touching the next: the unquoted replacement keeps them apart
    { code: '<Directory /srv>\n  Order «"Allow,Dny"»x\n</Directory>\n', fixed: '<Directory /srv>\n  Order Allow,Deny x\n</Directory>\n' },
    { code: 'LogLevel «wrn»\n', fixed: 'LogLevel warn\n', message: ['Log level keyword must be one of'] },
    { code: 'LogLevel warn «nosuchmod:info»\n', message: ['Cannot find module nosuchmod'] },
    { code: '<VirtualHost *:80>\n  Alias «/static»\n</VirtualHost>\n', message: ['Alias must have two arguments when used globally'] },
    {
      code: '<Location /media>\n  Alias «/media /srv/media»\n</Location>\n',
      fixed: '<Location /media>\n  Alias /srv/media\n</Location>\n',
      message: ['Alias cannot occur within directory context'],
    },
    { code: '<IfDefine MAYBE>\n  KeepAlive «maybe»\n</IfDefine>\n', severity: 'warning' },
    {
      code: '<Location />\n  Require «All» granted\n</Location>\n',
      fixed: '<Location />\n  Require all granted\n</Location>\n',
      message: ['case-sensitive', 'Unknown Authz provider: All'],
    },
    { code: '<Location />\n  <RequireAll>\n    Require all granted\n    Require not «bogus» x\n  </RequireAll>\n</Location>\n', message: ['Unknown Authz provider: bogus'] },
    { code: '<Location />\n  <RequireAll>\n    Require all granted\n    Require NOT ip «10.0.0.300»\n  </RequireAll>\n</Location>\n', message: ['10.0.0.300'] },
    // Providers that parse their arguments while Apache reads the line.
    { code: '<Location />\n  Require all «grantd»\n</Location>\n', message: ["must be 'granted' or 'denied'"], fixed: '<Location />\n  Require all granted\n</Location>\n' },
    { code: '<Location />\n  Require all granted« from 10.0.0.0/8»\n</Location>\n'.replace('« from', ' «from'), message: ['takes one word'], fixed: '<Location />\n  Require all granted\n</Location>\n' },
    { code: '<Location />\n  Require all «"denied"»\n</Location>\n', message: ['does not remove quotes here'], fixed: '<Location />\n  Require all denied\n</Location>\n' },
    { code: '<Location />\n  Require «all»\n</Location>\n', message: ['needs granted or denied'] },
    { code: '<Location />\n  Require ip 10.0.0.0/8 «10.0.0.0/33»\n</Location>\n', message: ["ip address '10.0.0.0/33' appears to be invalid"] },
    { code: '<Location />\n  Require ip «localhost»\n</Location>\n', message: ['host names go with Require host'] },
    { code: '<Location />\n  Require «ip»\n</Location>\n', message: ["'require ip' requires an argument"] },
    { code: '<Location />\n  Require method GET «post»\n</Location>\n', message: ['case-sensitive', "Invalid Method 'post'"], fixed: '<Location />\n  Require method GET POST\n</Location>\n' },
    { code: '<Location />\n  Require method «SEARCH»\n</Location>\n', message: ["Invalid Method 'SEARCH'"] },
    // Allow/Deny (mod_access_compat): 'from', then all, env=, addresses, subnets or host names.
    { code: '<Directory /srv>\n  Order allow,deny\n  Allow «form» all\n</Directory>\n', message: ["must be followed by 'from'"], fixed: '<Directory /srv>\n  Order allow,deny\n  Allow from all\n</Directory>\n' },
    {
      code: '<Directory /srv>\n  Order deny,allow\n  Deny «10.0.0.0/8» 192.168.0.0/16\n</Directory>\n',
      message: ["must be followed by 'from'"],
      fixed: '<Directory /srv>\n  Order deny,allow\n  Deny from 10.0.0.0/8 192.168.0.0/16\n</Directory>\n',
    },
    { code: '<Directory /srv>\n  Order allow,deny\n  Allow from 127.0.0.1 «10.0.0.256»\n</Directory>\n', message: ['The specified IP address is invalid.'] },
    { code: '<Directory /srv>\n  Order allow,deny\n  Allow from «10.=0.0.0/8»\n</Directory>\n', message: ['An IP address was expected'] },
    { code: '<Directory /srv>\n  Order allow,deny\n  Allow from «10.0.0.0/33»\n</Directory>\n', message: ['The specified network mask is invalid.'] },
    // a continued line: 'granted' and the next line's tag are one word, so 'all' would fail on it again: no fix
    // (found by the fix-safety property)
    { code: '<Location />\n  Require «All granted\\\n</Location>»\n', message: ['Unknown Authz provider: All'] },
    // AllowOverrideList (core.c set_override_list), verified with apache2 -t.
    {
      code: '<Directory /srv>\n  AllowOverrideList Redirect «none» Header\n</Directory>\n',
      fixed: '<Directory /srv>\n  AllowOverrideList Redirect Header\n</Directory>\n',
      message: ["'None' not allowed with other directives in AllowOverrideList"],
    },
    // two Nones: removing one leaves the other beside the names, so no fix
    { code: '<Directory /srv>\n  AllowOverrideList «None» Redirect None\n</Directory>\n', message: ['None stands alone'] },
    // Apache passes these with a line in its log and drops the name: warnings
    {
      code: '<Directory /srv>\n  AllowOverrideList Redirect «Redirct»\n</Directory>\n',
      fixed: '<Directory /srv>\n  AllowOverrideList Redirect Redirect\n</Directory>\n',
      severity: 'warning',
      message: ['Discarding unrecognized directive'],
    },
    { code: '<Directory /srv>\n  AllowOverrideList «Listen»\n</Directory>\n', severity: 'warning', message: ['not allowed in AllowOverrideList'] },
    // AuthnzFcgiCheckAuthnProvider (mod_authnz_fcgi), verified with apache2 -t.
    { code: '<Location />\n  AuthnzFcgiCheckAuthnProvider None «Authoritative On»\n</Location>\n', message: ['Options aren\'t supported with \\"None\\"'] },
    { code: '<Location />\n  AuthnzFcgiCheckAuthnProvider x «Bogus»\n</Location>\n', message: ['AuthnzFcgiCheckAuthnProvider: Bogusneeds an argument'] },
    {
      code: '<Location />\n  AuthnzFcgiCheckAuthnProvider x «DefaultUsr» nobody\n</Location>\n',
      fixed: '<Location />\n  AuthnzFcgiCheckAuthnProvider x DefaultUser nobody\n</Location>\n',
      message: ["Unexpected option 'DefaultUsr'"],
    },
    { code: '<Location />\n  AuthnzFcgiCheckAuthnProvider x RequireBasicAuth «yes»\n</Location>\n', message: ["Bad argument 'yes' to option 'RequireBasicAuth'"] },
    {
      code: 'UseCanonicalPhysicalPort «yes»\n',
      fixed: 'UseCanonicalPhysicalPort On\n',
      message: ["parameter must be 'on' or 'off'"],
    },
    // the value is part of some modules' messages
    { code: 'SSLVerifyClient «required»\n', fixed: 'SSLVerifyClient require\n', message: ["SSLVerifyClient: Invalid argument 'required'"] },
    { code: 'CookieStyle «Cookie3»\n', fixed: 'CookieStyle Cookie2\n', message: ["Invalid CookieStyle keyword: 'Cookie3'"] },
    // mod_authnz_ldap compares exactly
    {
      code: '<Directory /srv>\n  AuthLDAPDereferenceAliases «Always»\n</Directory>\n',
      fixed: '<Directory /srv>\n  AuthLDAPDereferenceAliases always\n</Directory>\n',
      message: ['written exactly so', 'Unrecognized value for AuthLDAPDereferenceAliases directive'],
    },
    { code: 'LimitRequestBody «10M»\n', message: ['digits only', 'LimitRequestBody requires a non-negative integer.'] },
    { code: 'LimitRequestBody «-1»\n', message: ['LimitRequestBody requires a non-negative integer.'] },
    { code: 'ReadBufferSize «8k»\n', message: ['parameter must be a number between 0 and (4294967295U)): 8k'] },
    { code: 'KeepAliveTimeout «5m»\n', message: ['500ms, 2min, 1h', 'KeepAliveTimeout has wrong format'] },
    { code: 'KeepAliveTimeout «1.5»\n', message: ['KeepAliveTimeout has wrong format'] },
    { code: 'KeepAliveTimeout «"5 s"»\n', message: ['KeepAliveTimeout has wrong format'] },
    { code: 'ProxyTimeout «0»\n', message: ['above zero', 'Proxy Timeout must be at least 1 second.'] },
    { code: 'ProxyTimeout «abc»\n', message: ['Proxy Timeout must be at least 1 second.'] },
    { code: 'DeflateCompressionLevel «10»\n', message: ['from 1 to 9', 'Compression Level must be between 1 and 9'] },
    { code: 'H2WindowSize «1023»\n', message: ['value must be >= 1024'] },
    { code: 'MaxRanges «0»\n', message: ["MaxRanges requires 'none', 'default', 'unlimited' or a positive integer"] },
    { code: 'SSLProtocol all «-TLSv1.0»\n', fixed: 'SSLProtocol all -TLSv1\n', message: ["SSLProtocol: Illegal protocol 'TLSv1.0'"] },
    { code: 'SSLProtocol -all «+TLSv12»\n', fixed: 'SSLProtocol -all +TLSv1.2\n', message: ["SSLProtocol: Illegal protocol 'TLSv12'"] },
    { code: 'SSLProtocol all «+SSLv3»\n', fixed: 'SSLProtocol all -SSLv3\n', message: ['SSLv3 not supported by this version of OpenSSL'] },
    { code: 'SSLProxyProtocol «SSLv2» TLSv1.2\n', fixed: 'SSLProxyProtocol -SSLv2 TLSv1.2\n', message: ['SSLProtocol: SSLv2 is no longer supported'] },
    // one quoted word to mod_ssl, which splits the line the way the config reader does
    { code: 'SSLProtocol «"all -SSLv3"»\n', message: ["SSLProtocol: Illegal protocol 'all -SSLv3'"] },
    { code: 'SSLOptions +StdEnvVars «+ExportCertDate»\n', fixed: 'SSLOptions +StdEnvVars +ExportCertData\n', message: ["SSLOptions: Illegal option 'ExportCertDate'"] },
    { code: 'SSLOptions «CompatEnvVars»\n', message: ["SSLOptions: Illegal option 'CompatEnvVars'"] },
    // RAW_ARGS: mod_ssl splits the line itself and reads "" as a word
    { code: 'SSLOptions StdEnvVars «""» Bogus\n', message: ["SSLOptions: Illegal option ''"] },
    { code: 'RewriteOptions «+Inherit»\n', fixed: 'RewriteOptions Inherit\n', message: ["RewriteOptions: unknown option '+Inherit'"] },
    { code: 'HttpProtocolOptions Strict «Lenient»\n', message: ["HttpProtocolOptions accepts 'Unsafe' or 'Strict' (default)"] },
    {
      code: '<Directory /srv>\n  AllowMethods GET «post»\n</Directory>\n',
      fixed: '<Directory /srv>\n  AllowMethods GET POST\n</Directory>\n',
      message: ['case-sensitive', "AllowMethods: Invalid Method 'post'"],
    },
    { code: '<Directory /srv>\n  AllowMethods GET «reset»\n</Directory>\n', message: ["AllowMethods: Invalid Method 'reset'"] },
    { code: '<Directory /srv>\n  FileETag «+All»\n</Directory>\n', fixed: '<Directory /srv>\n  FileETag All\n</Directory>\n', message: ["FileETag keyword 'All' cannot be used with '+' or '-'"] },
    { code: 'FileETag MTime «Sise»\n', fixed: 'FileETag MTime Size\n', message: ["Unknown keyword 'Sise' for FileETag directive"] },
    { code: 'Listen «127.0.0.1»\n', message: ['127.0.0.1:80', 'Port must be specified'] },
    { code: 'Listen «[::1]»\n', message: ['Port must be specified'] },
    { code: 'Listen «:80»\n', message: ['Invalid address or port'] },
    // only an IPv6 address goes between brackets
    { code: 'Listen «[*]:8443»\n', message: ['Invalid address or port'] },
    { code: 'Listen «[127.0.0.1]:80»\n', message: ['Invalid address or port'] },
    { code: 'Listen «*:0»\n', message: ['Invalid address or port'] },
    { code: 'Listen «65536» https\n', message: ['Invalid address or port'] },
    { code: 'Redirect permanent «/old»\n', message: ['needs the URL', 'URL to redirect to is missing'] },
    { code: 'Redirect gone /old «https://a.example/»\n', message: ['Redirect URL not valid for this status'] },
    { code: 'Redirect temp /a «b»\n', message: ['Redirect to non-URL'] },
    { code: 'Redirect «moved» /a https://a.example/\n', message: ['Redirect: invalid first argument (of three)'] },
    { code: 'ExpiresDefault «"access plus 1 fortnight"»\n', message: ["'fortnight' is not a unit", "'ExpiresDefault access plus 1 fortnight': bad expires code, unrecognised <type>'fortnight'"] },
    { code: 'ExpiresByType text/css «"later plus 1 month"»\n', message: ["'ExpiresByType text/css later plus 1 month': bad expires code, unrecognised <base> 'later'"] },
    { code: 'ExpiresDefault «"access plus 1"»\n', message: ['bad expires code, missing <type>'] },
    { code: 'RequestReadTimeout «header=20-40» body=20\n', message: ['RequestReadTimeout: header=20-40: Must set MinRate option if using timeout range'] },
    { code: 'RequestReadTimeout «header=20s»\n', message: ["RequestReadTimeout: header=20s: Cannot parse 's'"] },
    { code: 'RequestReadTimeout «head=20»\n', message: ['Unknown RequestReadTimeout parameter'] },
    { code: 'RequestReadTimeout «header=40-20,MinRate=500»\n', message: ['Maximum timeout must be larger than initial timeout'] },
    { code: '<FilesMatch «"\\.(py|pyc$"»>\n</FilesMatch>\n', message: ["'\\.(py|pyc$' of <FilesMatch> does not compile", 'Regex could not be compiled'] },
    { code: '<Location ~ «"[a"»>\n</Location>\n', message: ['Regex could not be compiled'] },
    { code: 'AliasMatch «^/(static/.*» /srv/static\n', message: ['Regular expression could not be compiled.'] },
    { code: 'RedirectMatch 301 «^/(old» https://a.example/\n', message: ['Regular expression could not be compiled.'] },
    // mod_rewrite quotes the pattern without its '!'
    { code: 'RewriteEngine On\nRewriteRule «!^/(api» /index.php\n', message: ["RewriteRule: cannot compile regular expression '^/(api'"] },
    { code: 'RewriteEngine On\nRewriteCond %{HTTP_HOST} «^(www\\.»\nRewriteRule ^ https://a.example/ [R]\n', message: ["RewriteCond: cannot compile regular expression '^(www\\.'"] },
    { code: 'BrowserMatch «"("» bot\n', message: ['BrowserMatch regex could not be compiled.'] },
    {
      code: 'RewriteEngine On\nRewriteRule ^/old/(.*)$ /new/$1 «R=301,L»\n',
      fixed: 'RewriteEngine On\nRewriteRule ^/old/(.*)$ /new/$1 [R=301,L]\n',
      message: ['[R=301,L]', 'RewriteRule: bad flag delimiters'],
    },
    { code: 'RewriteEngine On\nRewriteCond %{HTTP_HOST} ^a «[NC»\nRewriteRule ^ /b\n', message: ['RewriteCond: bad flag delimiters'] },
    // RewriteCond has three flags (L belongs to RewriteRule)
    { code: 'RewriteEngine On\nRewriteCond %{HTTP_HOST} ^www\\. «[NC,L]»\nRewriteRule ^ /b\n', message: ["RewriteCond: unknown flag 'L'"] },
    // RewriteRule's flags: an unknown name (the first one stops Apache), a RewriteCond flag, the manual's
    // 'backrefnoplus', a blank before '=', an empty item, R= with a number httpd does not know, BNE without a value
    { code: 'RewriteEngine On\nRewriteRule ^/old /new «[L,Lats,R]»\n', message: ["'Lats' is not a RewriteRule flag (did you mean last?)", "RewriteRule: unknown flag 'Lats'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[A]»\n', message: ['its flags are B, BNE', "RewriteRule: unknown flag 'A'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[QSA,OR]»\n', message: ['a RewriteCond flag', "RewriteRule: unknown flag 'OR'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[B,backrefnoplus]»\n', message: ['write BNP', "RewriteRule: unknown flag 'backrefnoplus'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «"[R = 301]"»\n', message: ["RewriteRule: unknown flag 'R '"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[L,]»\n', message: ["RewriteRule: unknown flag ''"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «"[L, ,R]"»\n', message: ["RewriteRule: unknown flag ',R,'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[=L]»\n', message: ["RewriteRule: unknown flag ''"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[L]]»\n', message: ["RewriteRule: unknown flag 'L]'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[R=299]»\n', message: ["RewriteRule: invalid HTTP response code '299' for flag 'R'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[redirect=3xx,L]»\n', message: ['read as 3', "RewriteRule: invalid HTTP response code '3xx' for flag 'R'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[R=1000]»\n', message: ["invalid HTTP response code '1000'"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «[B,bne]»\n', message: ["RewriteRule: flag 'BNE' wants a list of characters (i.e. [BNE=...])"] },
    { code: 'RewriteEngine On\nRewriteRule ^ /x «"[BNE= ]"»\n', message: ["flag 'BNE' wants a list of characters"] },
    // mod_rewrite reads the flags before it compiles the pattern
    { code: 'RewriteEngine On\nRewriteRule ^(a /x «[Bogus]»\n', message: ["RewriteRule: unknown flag 'Bogus'"] },
    { code: 'RewriteEngine On\nRewriteCond %{HTTP_HOST} ^a «"[NC, ,OR]"»\nRewriteRule ^ /b\n', message: ["RewriteCond: unknown flag ',OR,'"] },
    { code: 'RewriteEngine On\nRewriteCond %{HTTP_HOST} ^(a «[D]»\nRewriteRule ^ /b\n', message: ["RewriteCond: unknown flag 'D'"] },
    // Authentication providers: looked up as written; Digest needs one that can give the password hash
    { code: '<Location /x>\n  AuthBasicProvider «File»\n</Location>\n', fixed: '<Location /x>\n  AuthBasicProvider file\n</Location>\n', message: ['case-sensitive', 'Unknown Authn provider: File'] },
    { code: '<Location /radicale>\n  AuthBasicProvider file «external»\n</Location>\n', message: ['no authentication provider Apache ships', 'Unknown Authn provider: external'], severity: 'error' },
    {
      // mod_authnz_external registers 'external': with a third-party module loaded, only a warning
      code: 'LoadModule authnz_external_module /usr/lib/apache2/modules/mod_authnz_external.so\n<Location /radicale>\n  AuthBasicProvider «external»\n</Location>\n',
      message: ['a third-party module loaded here may register it'],
      severity: 'warning',
    },
    { code: '<Location /x>\n  AuthDigestProvider file «ldap»\n</Location>\n', message: ["The 'ldap' Authn provider doesn't support Digest Authentication"] },
    { code: '<AuthnProviderAlias anon guests>\n</AuthnProviderAlias>\n<Location /x>\n  AuthDigestProvider «guests»\n</Location>\n', message: ["The 'guests' Authn provider doesn't support Digest Authentication"] },
    // IndexOptions: the word Apache stops at, with its message
    { code: 'IndexOptions FancyIndexing «VersionSorting»\n', fixed: 'IndexOptions FancyIndexing VersionSort\n', message: ["'VersionSorting' is not an option of IndexOptions", 'Invalid directory indexing option'] },
    { code: 'IndexOptions «++FancyIndexing»\n', fixed: 'IndexOptions +FancyIndexing\n', message: ['Invalid directory indexing option'] },
    { code: 'IndexOptions «""» FancyIndexing\n', message: ['An empty word', 'Invalid directory indexing option'] },
    { code: 'IndexOptions «Charset»\n', message: ['only with a value: Charset=', 'Invalid directory indexing option'] },
    { code: 'IndexOptions «+None»\n', fixed: 'IndexOptions None\n', message: ["Cannot combine '+' or '-' with 'None' keyword"] },
    { code: 'IndexOptions «NameWidth»\n', message: ["'-NameWidth'", "NameWidth with no value may only appear as '-NameWidth'"] },
    { code: 'IndexOptions «+DescriptionWidth»\n', message: ["DescriptionWidth with no value may only appear as '-DescriptionWidth'"] },
    { code: 'IndexOptions «-NameWidth=30»\n', message: ["Cannot combine '-' with NameWidth=n"] },
    { code: 'IndexOptions «-IconHeight=16»\n', message: ["Cannot combine '-' with IconHeight=n"] },
    { code: 'IndexOptions «NameWidth=4»\n', message: ['at least 5', 'NameWidth value must be greater than 5'] },
    { code: 'IndexOptions «DescriptionWidth=-1»\n', message: ['DescriptionWidth value must be greater than 12'] },
    // atoi: digits at the start, then cut to 32 bits
    { code: 'IndexOptions «NameWidth=3em»\n', message: ['reads as 3', 'NameWidth value must be greater than 5'] },
    { code: 'IndexOptions «"NameWidth=4294967297"»\n', message: ['reads as 1', 'NameWidth value must be greater than 5'] },
    { code: 'IndexOptions None «FancyIndexing»\n', message: ["Cannot combine other IndexOptions keywords with 'None'"] },
    // None holds for the rest of its section (<IfModule> and <Limit> are no section of their own)
    {
      code: '<Directory /srv>\n  IndexOptions None\n  <IfModule mod_autoindex.c>\n    IndexOptions +HTMLTable «VersionSort»\n  </IfModule>\n</Directory>\n',
      message: ['an IndexOptions None earlier in this section', "Cannot combine other IndexOptions keywords with 'None'"],
    },
    { code: '<Directory /srv>\n  IndexOptions None\n  <Limit GET>\n    IndexOptions «HTMLTable»\n  </Limit>\n</Directory>\n', message: ["Cannot combine other IndexOptions keywords with 'None'"] },
    // ProxyPassMatch / ProxyPass ~ / ProxyRemoteMatch patterns; the path of a plain <Location> as ProxyPassMatch's
    // pattern, or ProxyPass's when it holds a wildcard
    { code: 'ProxyPassMatch «^/api/(.*$» http://127.0.0.1:8080/$1\n', message: ["The pattern '^/api/(.*$' does not compile", 'Regular expression could not be compiled.'] },
    { code: '<VirtualHost *:80>\n  ProxyPassMatch «"a{2,1}"» !\n</VirtualHost>\n', message: ['Regular expression could not be compiled.'] },
    { code: 'ProxyPass ~ «^/a(» http://127.0.0.1:8080/\n', message: ['Regular expression could not be compiled.'] },
    { code: 'ProxyPassMatch «"^/x\\\\\\(y"» http://127.0.0.1:8080/\n', message: ['Regular expression could not be compiled.'] },
    { code: 'ProxyRemoteMatch «^http://a(» http://proxy.example:3128\n', message: ['Regular expression for ProxyRemoteMatch could not be compiled.'] },
    { code: 'ProxyPassMatch «~» ^/a http://127.0.0.1:8080/\n', fixed: 'ProxyPassMatch ^/a http://127.0.0.1:8080/\n', message: ["ProxyPassMatch invalid syntax ('~' usage)."] },
    { code: '<Location "/a(">\n  «ProxyPassMatch» http://127.0.0.1:8080/\n</Location>\n', message: ["The path '/a(' of <Location>", 'Regular expression could not be compiled.'] },
    { code: '<Location "/a*(">\n  «ProxyPass» http://127.0.0.1:8080/\n</Location>\n', message: ['holds a wildcard', 'Regular expression could not be compiled.'] },
    // the words after the URL, read before the pattern is compiled
    { code: '<Location /app>\n  ProxyPass «/app» http://127.0.0.1:8080/\n</Location>\n', fixed: '<Location /app>\n  ProxyPass http://127.0.0.1:8080/\n</Location>\n', message: ['takes no path', 'ProxyPass|ProxyPassMatch can not have a path when defined in a location.'] },
    { code: 'ProxyPassMatch ^/a( http://127.0.0.1:8080/ «retry»\n', message: ["'retry' is not a parameter", "Invalid ProxyPass|ProxyPassMatch parameter. Parameter must be in the form 'key=value'."] },
    { code: 'ProxyPass /a http://127.0.0.1:8080/ «mapping=servlets»\n', message: ['unknown mapping'] },
    { code: 'ProxyPass /a «"unix:/run/app.sock|http"»\n', message: ['ProxyPass|ProxyPassMatch uses an invalid "unix:" URL'] },
    { code: '<IfVersion «>=2.4»>\n</IfVersion>\n', message: ["'>=2.4' is not a version", 'Version appears to be invalid'] },
    { code: '<IfVersion «=>» 2.4>\n</IfVersion>\n', message: ["unrecognized operator '=>'"] },
    { code: '<IfVersion = «/^2\\.4»>\n</IfVersion>\n', message: ['Missing delimiting / of regular expression.'] },
  ],
});
