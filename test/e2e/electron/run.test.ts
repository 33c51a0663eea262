// The same scenarios as the code-server e2e (test/e2e/run.sh), through the VS Code API in a VS Code that
// @vscode/test-electron downloads. Where it cannot be downloaded (no access to update.code.visualstudio.com, as on
// these machines) or cannot start (Linux without a display: run under xvfb-run), the test is skipped and says why.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
/** engines.vscode's floor: the oldest VS Code the extension claims to support. */
const VSCODE_VERSION = '1.100.3';
const PROBE = 'https://update.code.visualstudio.com/api/releases/stable';

function reachable(url: string, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = https.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? undefined : `HTTP ${res.statusCode} from ${url}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve(`${url}: ${err.message}`));
  });
}

test('VS Code API suite under @vscode/test-electron', async (t) => {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    t.skip('no display: run `xvfb-run npm test` to include the @vscode/test-electron suite (the code-server e2e covers the same scenarios headlessly)');
    return;
  }
  const unreachable = await reachable(PROBE);
  if (unreachable) {
    t.skip(`VS Code cannot be downloaded here (${unreachable}); the code-server e2e (bash test/e2e/run.sh) covers the same scenarios`);
    return;
  }
  const { runTests } = await import('@vscode/test-electron');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'awsgi-electron-'));
  fs.cpSync(path.join(ROOT, 'test/e2e/workspace'), ws, { recursive: true });
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite/index.js'),
      extensionTestsEnv: { APACHE_WSGI_E2E_WS: ws },
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
