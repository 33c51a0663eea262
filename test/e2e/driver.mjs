// Drives a real VS Code (code-server, started by run.sh) in headless Chromium with playwright-core and checks what
// a person sees: our findings in the Problems panel (and a rule turned off by workspace settings absent), a hover
// with the directive's documentation, a quick fix applied from the lightbulb menu, the "Show Effective Process
// Group" command, and the daemon-mode snippet inserted by completion. Leaves screenshots and results.json.
//   node test/e2e/driver.mjs <url> <workspace> <outDir> <code-server user data dir>
import { chromium } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';

const [url, workspace, outDir, userData] = process.argv.slice(2);
const FILE = 'apache2/sites-available/shop.conf';
const filePath = path.join(workspace, FILE);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
fs.mkdirSync(outDir, { recursive: true });

const results = { ok: false, steps: [] };
const activation = {};
results.activation = activation;
const t0 = Date.now();
const disk = () => fs.readFileSync(filePath, 'utf8');
const squash = (s) => s.replace(/\u00a0/g, ' ');

async function poll(what, read, accept, timeoutMs = 30000) {
  let last;
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what}: timed out; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`);
}

const profile = fs.mkdtempSync(path.join(outDir, 'chrome-profile-'));
const home = `${profile}-home`;
fs.mkdirSync(home, { recursive: true });
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1400, height: 900 },
  env: { ...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/.config`, XDG_CACHE_HOME: `${home}/.cache` },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = browser.pages()[0] ?? (await browser.newPage());
page.on('console', (m) => m.type() === 'error' && fs.appendFileSync(path.join(outDir, 'browser-console-errors.log'), m.text() + '\n'));

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();
const quickInput = page.locator('.quick-input-widget');

/** Opens Quick Open (Ctrl+P) and types; `:line:column` moves the cursor. */
async function quickOpen(text) {
  await editor().click({ position: { x: 200, y: 5 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await quickInput.locator('input').waitFor({ state: 'visible', timeout: 20000 });
  await page.keyboard.type(text);
}

async function goTo(line, column) {
  await quickOpen(`:${line}:${column}`);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await quickInput.waitFor({ state: 'hidden', timeout: 10000 });
}

async function save() {
  await page.keyboard.press('Control+S');
  await page.waitForTimeout(500);
}

/** Runs a palette command by its title; `row` is text of its entry in the list. */
async function runCommand(title, row) {
  await page.keyboard.press('Control+Shift+P');
  await quickInput.locator('input').waitFor({ state: 'visible', timeout: 20000 });
  await page.keyboard.type(title);
  await quickInput.locator('.monaco-list-row', { hasText: row }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
}

/** The first file called `name` under `dir` (the extension host writes its logs into dated subdirectories). */
function findFile(dir, name) {
  if (!dir || !fs.existsSync(dir)) return undefined;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const hit = e.isDirectory() ? findFile(p, name) : e.name === name ? p : undefined;
    if (hit) return hit;
  }
  return undefined;
}

async function step(name, run) {
  const start = Date.now();
  try {
    const detail = await run();
    results.steps.push({ name, ok: true, ms: Date.now() - start, ...(detail ?? {}) });
    await page.screenshot({ path: path.join(outDir, `${results.steps.length}-${name}.png`) });
  } catch (err) {
    results.steps.push({ name, ok: false, ms: Date.now() - start, error: String(err?.stack ?? err) });
    await page.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => {});
    throw err;
  }
}

try {
  await step('open', async () => {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
    await quickOpen(FILE);
    await quickInput.locator('.monaco-list-row[aria-label*="shop.conf"]').first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor[data-uri$="shop.conf"] .view-lines').first().waitFor({ timeout: 30000 });
    const language = await poll('language mode', () => page.locator('.statusbar-item[id="status.editor.mode"]').innerText(), (t) => /Apache/i.test(t));
    return { workbenchMs: Date.now() - t0, language };
  });

  await step('problems', async () => {
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel');
    await markers.waitFor({ timeout: 30000 });
    const text = await poll('Problems panel', async () => squash(await markers.innerText()), (t) => t.includes("Daemon process group 'shop' is defined but nothing delegates to it") && t.includes('wsgi-embedded-mode'), 90000);
    // .vscode/settings.json turns wsgi-python-home off: its finding must not be listed.
    if (text.includes('wsgi-python-home') || text.includes('is inside the virtualenv')) throw new Error(`a rule turned off in settings still reports:\n${text}`);
    return { problems: text.slice(0, 1500) };
  });

  await step('hover', async () => {
    await goTo(5, 8); // inside the name WSGIDaemonProcess
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').first();
    const text = await poll('hover', async () => squash(await hover.innerText().catch(() => '')), (t) => t.includes('WSGIDaemonProcess') && t.includes('option=value'));
    const links = await hover.locator('a').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.getAttribute('data-href')} ${a.title}`));
    const doc = 'https://modwsgi.readthedocs.io/en/master/configuration-directives/WSGIDaemonProcess.html';
    if (!links.some((h) => h.includes(doc))) throw new Error(`hover has no link to ${doc}: ${JSON.stringify(links)}`);
    await page.keyboard.press('Escape');
    return { hover: text.slice(0, 300) };
  });

  await step('quick-fix', async () => {
    await goTo(5, 24); // on the group name 'shop', where wsgi-daemon-unused points
    await page.keyboard.press('Control+.');
    const title = "Insert 'WSGIProcessGroup shop' after it";
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 20000 });
    const offered = squash(await page.locator('.action-widget').innerText());
    if (!offered.includes('Ignore wsgi-daemon-unused for this line')) throw new Error(`no ignore-comment action offered:\n${offered}`);
    // The list is keyboard-driven (a pointer shield covers it): move the focus to our action and press Enter.
    for (let i = 0; i < 10; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label');
      if (focused === title) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await save();
    const text = await poll('fixed file on disk', async () => disk(), (t) => t.includes('WSGIProcessGroup shop'));
    const expected = 'python-home=/srv/shop/venv/lib/python3.11\n    WSGIProcessGroup shop\n    WSGIScriptAlias / /srv/shop/shop/wsgi.py';
    if (!text.includes(expected)) throw new Error(`unexpected text after the fix:\n${text}`);
    const markers = page.locator('.markers-panel');
    await poll('findings after the fix', async () => squash(await markers.innerText()), (t) => !t.includes('nothing delegates to it') && !t.includes('wsgi-embedded-mode'), 30000);
  });

  await step('command', async () => {
    await goTo(6, 10); // the WSGIScriptAlias
    await page.keyboard.press('Control+Shift+P');
    await quickInput.locator('input').waitFor({ state: 'visible', timeout: 20000 });
    await page.keyboard.type('Apache WSGI: Show Effective Process Group');
    await quickInput.locator('.monaco-list-row', { hasText: 'Show Effective Process Group' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts');
    const text = await poll('notification', async () => squash(await toast.innerText().catch(() => '')), (t) => t.includes("runs in daemon process group 'shop'"));
    return { notification: text.split('\n').find((l) => l.includes('runs in')) };
  });

  await step('snippet', async () => {
    await editor().click({ position: { x: 300, y: 100 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('wsgi-vhost');
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'wsgi-vhost' }).first();
    await item.waitFor({ timeout: 20000 });
    await item.click();
    await page.keyboard.press('Escape');
    await save();
    const text = await poll('snippet on disk', async () => disk(), (t) => t.includes('WSGIDaemonProcess app processes=2 threads=15'));
    for (const part of ['<VirtualHost *:80>\n    ServerName example.com', '    WSGIProcessGroup app\n    WSGIApplicationGroup %{GLOBAL}', '</VirtualHost>\n']) {
      if (!text.slice(text.lastIndexOf('<VirtualHost')).includes(part)) throw new Error(`the daemon-mode block lacks ${JSON.stringify(part)}:\n${text}`);
    }
    if (text.includes('wsgi-vhost')) throw new Error(`the prefix was left in the text:\n${text}`);
    await page.screenshot({ path: path.join(outDir, 'vscode.png') }); // the artifact: the repaired site, problems below
  });

  // Activation (budget 50 ms, reported, not asserted: machines are noisy). "Show Running Extensions" shows what VS
  // Code calls the activation time: loading the extension's code plus the synchronous part of activate(). The
  // Startup Performance view splits it (Load Code, Call Activate, Finish Activate = until activate()'s promise
  // settles); our log says how long the language client library took to load after activation.
  await step('activation-time', async () => {
    await runCommand('Developer: Show Running Extensions', 'Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Apache WSGI' }).first();
    // The list is sorted by activation time and draws only the rows in view: ours (a few ms) may be below the
    // fold when other extensions activated slowly, so the list is scrolled down until it shows.
    const text = await poll('running extensions', async () => {
      const shown = squash(await row.innerText({ timeout: 1000 }).catch(() => ''));
      if (!shown) {
        await page.locator('.runtime-extensions-editor .monaco-list').first().hover({ timeout: 1000 }).catch(() => {});
        await page.mouse.wheel(0, 400);
      }
      return shown;
    }, (t) => /\d+\s*ms/.test(t));
    const ms = Number(/(\d+)\s*ms/.exec(text)[1]);
    Object.assign(activation, { shown: text.replace(/\s+/g, ' ').trim(), activationMs: ms, budgetMs: 50, withinBudget: ms < 50 });
    await runCommand('Developer: Startup Performance', 'Startup Performance');
    await page.locator('.monaco-editor[data-uri^="perf:"] .view-lines').first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Control+F');
    await page.keyboard.type('| apache-wsgi.apache-wsgi |');
    await page.keyboard.press('Enter');
    const line = await poll('our row in Startup Performance', async () => {
      const lines = await page.locator('.monaco-editor[data-uri^="perf:"] .view-line').allInnerTexts();
      return lines.map(squash).find((l) => /^\|\s*apache-wsgi\.apache-wsgi\s*\|/.test(l)) ?? '';
    }, (l) => l !== '');
    // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
    const cells = line.split('|').map((c) => c.trim()).slice(1, -1);
    Object.assign(activation, { codeLoadingMs: Number(cells[2]), activateCallMs: Number(cells[3]), activateResolvedMs: Number(cells[4]), event: cells[5] });
    await page.keyboard.press('Escape');
    const log = findFile(path.join(userData, 'logs'), 'Apache WSGI.log');
    const loaded = log && /language client loaded in ([\d.]+) ms/.exec(fs.readFileSync(log, 'utf8'));
    if (loaded) activation.clientLoadMs = Number(loaded[1]);
    console.log(`[e2e] activation: ${ms} ms (budget 50 ms; Load Code ${activation.codeLoadingMs} + Call Activate ${activation.activateCallMs}, ` +
      `Finish Activate ${activation.activateResolvedMs}); language client loaded in ${activation.clientLoadMs ?? '?'} ms after activation`);
    return { ...activation };
  });

  results.ok = true;
} catch {
  results.ok = false;
} finally {
  await page.screenshot({ path: path.join(outDir, 'final.png') }).catch(() => {});
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
  results.totalMs = Date.now() - t0;
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
  process.exit(results.ok ? 0 : 1);
}
