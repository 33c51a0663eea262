// Runs Debian's `apache2 -t` on one configuration fragment, included into a minimal server of its own (Debian's
// enabled modules plus mod_wsgi and, for TLS fragments, mod_ssl) in a private temporary directory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

export interface Verdict {
  status: number | null;
  output: string;
  /** Why the check could not run here (no Apache, not Debian's layout). */
  skipped?: string;
}

const MODULES = '/usr/lib/apache2/modules';

/** `fragment` receives a throwaway certificate and key when openssl can make one. */
export function apacheConfigTest(name: string, fragment: (certs: { cert: string; key: string } | null) => string): Verdict {
  if (!fs.existsSync('/etc/apache2/mods-enabled') || spawnSync('apache2', ['-v']).status !== 0) {
    return { status: null, output: '', skipped: 'Debian apache2 is not installed' };
  }
  if (!fs.existsSync(path.join(MODULES, 'mod_wsgi.so'))) return { status: null, output: '', skipped: 'mod_wsgi is not installed' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `apache-t-${name}-`));
  try {
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-subj', '/CN=example.com', '-days', '1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
    const certs = made.status === 0 ? { cert, key } : null;
    const text = fragment(certs);
    if (/^\s*SSL/m.test(text) && !certs) return { status: null, output: '', skipped: 'openssl cannot make a test certificate' };
    fs.writeFileSync(path.join(dir, 'fragment.conf'), text);
    const load = (mod: string, file: string) =>
      fs.existsSync(path.join(MODULES, file)) ? `<IfModule !${mod}>\n    LoadModule ${mod} ${MODULES}/${file}\n</IfModule>` : '';
    fs.writeFileSync(path.join(dir, 'main.conf'), [
      'ServerRoot /etc/apache2',
      'Include /etc/apache2/mods-enabled/*.load',
      'Include /etc/apache2/mods-enabled/*.conf',
      load('wsgi_module', 'mod_wsgi.so'),
      load('socache_shmcb_module', 'mod_socache_shmcb.so'),
      load('ssl_module', 'mod_ssl.so'),
      `ErrorLog ${dir}/error.log`,
      `PidFile ${dir}/httpd.pid`,
      `Mutex file:${dir}`,
      'Listen 127.0.0.1:18080',
      `Include ${dir}/fragment.conf`,
      '',
    ].join('\n'));
    // Debian's envvars sets APACHE_RUN_USER and friends that the enabled module configs may use.
    const envvars = fs.existsSync('/etc/apache2/envvars') ? '. /etc/apache2/envvars; ' : '';
    const r = spawnSync('sh', ['-c', `${envvars}exec apache2 -t -f "$1"`, 'sh', path.join(dir, 'main.conf')], { encoding: 'utf8', timeout: 30000 });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
