// Command-line arguments of apache-wsgi-lint.

export interface CliOptions {
  format: 'text' | 'json';
  fix: boolean;
  maxWarnings: number;
  paths: string[];
  /** Settings file given with --config; null with --no-config; undefined: look for one next to each file. */
  config?: string | null;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: apache-wsgi-lint [--format text|json] [--fix] [--max-warnings N] [--config FILE | --no-config] PATH...

Lints Apache httpd configuration files for mod_wsgi deployments, and the WSGI scripts and
middleware they run (Python files: .py, .wsgi).

  --format text|json   output format (default: text)
  --fix                apply the preferred fix of every fixable finding and rewrite the file
  --max-warnings N     exit with status 1 when more than N warnings are found
  --config FILE        settings file (.apache-wsgi.json, or a package.json with an "apacheWsgi" key);
                       by default the nearest one from each linted file's directory upwards is used
  --no-config          use no settings file
  --help, --version

Exit status: 0 no errors, 1 errors found (or too many warnings), 2 usage or I/O error.`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { format: 'text', fix: false, maxWarnings: Infinity, paths: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
        o.format = v;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings takes a whole number, not '${v}'`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--config':
        o.config = value();
        break;
      case '--no-config':
        o.config = null;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      case '--version':
        o.version = true;
        break;
      case '--':
        o.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
        o.paths.push(a);
    }
  }
  if (!o.help && !o.version && o.paths.length === 0) throw new UsageError('no file given');
  return o;
}
