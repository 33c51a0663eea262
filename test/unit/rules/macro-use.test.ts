// macro-use: every verdict here was checked with Debian's apache2 -t (2.4.71, mod_macro loaded): the refused
// cases stop it on the marked Use line ("no macro defined before Use", "macro 'b' undefined", "macro 'aa'
// (defined on line 1 of …) used with 2 arguments instead of 1"), the valid ones pass.
import { ruleTable } from '../../helpers/rule-table';

const M = '<Macro Aa $x>\n  ServerAdmin $x\n</Macro>\n';

// A whole server (the case is a Debian apache2.conf): which macros exist is known.
ruleTable(
  'macro-use',
  {
    valid: [
      `${M}Use aA x@example.com\n`,
      `${M}Use AA "x@example.com"\n`,
      // Defined inside a <VirtualHost>: mod_macro reads it there too, for the whole server.
      `<VirtualHost *:80>\n${M}</VirtualHost>\nUse AA x@example.com\n`,
      // A Use Apache skips, or may skip (X may come from -D).
      `${M}<IfModule !macro_module>\n  Use AA 1 2\n  Use Nope\n</IfModule>\n`,
      // A Use inside a macro body runs only when that macro is used.
      `<Macro Outer>\n  Use Nope\n</Macro>\n`,
      // A definition in a body Apache may skip: not judged.
      `<IfDefine X>\n${M}</IfDefine>\nUse AA 1\n`,
      // A body that defines macros itself changes the table when used.
      `<Macro Maker>\n<Macro Made $y>\n  ServerAdmin $y\n</Macro>\n</Macro>\nUse Maker\nUse Made x@example.com\n`,
      // mod_macro not loaded in a server that loads modules: unknown-directive's matter.
      'LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\nUse Nope\n',
      // Our lexer and ap_getword_conf may split these otherwise: not judged.
      `${M}Use AA a="b c"\n`,
      // An unknown variable.
      `${M}Use AA \${NOPE} 2\n`,
    ],
    invalid: [
      { code: 'Use «NoSuch»\n', message: ['no macro defined before Use'] },
      { code: `Use «AA» 1\n${M}`, message: ['no macro defined before Use'] },
      { code: `<IfModule !macro_module>\n${M}</IfModule>\nUse «AA» 1\n`, message: ['no macro defined before Use'] },
      { code: `${M}Use «B» 1\n`, message: ["macro 'b' undefined"] },
      { code: `${M}UndefMacro aa\nUse «AA» 1\n`, message: ["macro 'aa' undefined"] },
      { code: `${M}Use «AA 1 2»\n`, message: ['gives 2 values', '<Macro Aa $x> names 1 parameter', 'used with 2 arguments instead of 1'] },
      { code: `${M}Use «AA»\n`, message: ['gives 0 values'] },
      // Apache has no comments after arguments: they are values.
      { code: `${M}Use «AA a # c»\n`, message: ['gives 3 values'] },
      { code: `${M}<IfDefine X>\n  Use «AA 1 2»\n</IfDefine>\n`, severity: 'warning' },
      { code: `LoadModule macro_module /usr/lib/apache2/modules/mod_macro.so\n${M}Use «B»\n` },
    ],
  },
  {},
  { asServer: true },
);

// A file on its own: a macro may be defined in a file Apache reads before it, so only the count of a Use of a
// macro this file defines earlier is judged.
ruleTable('macro-use', {
  valid: [
    'Use NoSuch\n',
    `${M}Use B 1\n`,
    // The included file may define AA again with other parameters.
    `${M}Include conf-enabled/more.conf\nUse AA 1 2\n`,
  ],
  invalid: [
    { code: `${M}Use «AA 1 2»\n`, message: ['used with 2 arguments instead of 1'] },
    { code: `${M}<VirtualHost *:80>\n  Use «AA»\n</VirtualHost>\n`, message: ['gives 0 values'] },
  ],
});
