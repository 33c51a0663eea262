// A WSGIDaemonProcess option value mod_wsgi refuses while reading the config (threads=70000, processes=0,
// home=relative/path, user=root, umask=0999, send-buffer-size=100 …), or a number it reads differently from
// how it looks (C atoi: `threads=abc` silently means 0 threads, a daemon that serves nothing).
import type { Fix, Rule } from './types';
import { WSGI_DOCS } from './types';
import { wsgiOption } from '../catalog/wsgi-options';
import { intendedFlag, judgeValue, type ValueProblem } from '../catalog/wsgi-values';
import type { WsgiOptionInfo } from '../catalog/wsgi-option-types';
import type { WsgiOptionToken } from '../catalog/wsgi-arguments';
import { wsgiDirectives, reportRejected } from '../catalog/wsgi-scan';
import { apacheRange, removal } from '../catalog/wsgi-edits';

export const wsgiDaemonOptionValue: Rule = {
  id: 'wsgi-daemon-option-value',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A WSGIDaemonProcess option value outside what mod_wsgi accepts (ranges, absolute paths, root, On/Off, octal umask).',
  docUrl: `${WSGI_DOCS}WSGIDaemonProcess.html`,
  perSection: true,
  check(ctx) {
    const list = wsgiDirectives(ctx, 'wsgidaemonprocess');
    for (let i = 0; i < list.length; i++) {
      const args = list[i];
      for (let k = 0; k < args.options.length; k++) {
        const o = args.options[k];
        const info = wsgiOption('wsgidaemonprocess', o.name);
        if (!info || o.unresolved) continue;
        const problem = judgeValue(info, o.value.text);
        if (!problem) continue;
        const raw = ctx.text.slice(o.start, o.end);
        const fixes = fixesFor(ctx.text, info, o, problem);
        if (problem.severity === 'warning') {
          ctx.report({ start: o.start, end: o.end, severity: 'warning', message: lenientMessage(raw, problem.read), fixes });
          continue;
        }
        reportRejected(ctx, args, { ...apacheRange(ctx.text, args, o.start, o.end), message: rejectedMessage(raw, info, problem), fixes });
      }
    }
  },
};

function rejectedMessage(raw: string, info: WsgiOptionInfo, p: ValueProblem): string {
  switch (p.reason) {
    case 'empty':
      return `'${raw}' has no value, which mod_wsgi refuses for ${info.name} (expected ${info.valueType}, e.g. ${info.example}).`;
    case 'range':
      return `'${raw}' is out of range: mod_wsgi accepts ${info.name} of ${info.range}${p.read !== undefined && String(p.read) !== raw.slice(info.name.length + 1) ? ` and reads this as ${p.read}` : ''}.`;
    case 'format':
      return `'${raw}' is not an octal number: mod_wsgi accepts only the digits 0-7 here, e.g. ${info.example}.`;
    case 'relative':
      return `'${raw}' is not an absolute path: mod_wsgi needs ${info.name} to start with '/'.`;
    case 'root':
      return `'${raw}' would run the daemon processes as root, which mod_wsgi refuses. Leave user= out to run as Apache's User, or name an unprivileged account.`;
    default:
      return `'${raw}' must be On or Off.`;
  }
}

function lenientMessage(raw: string, read: number): string {
  const zeroThreads = read === 0 && raw.startsWith('threads=') ? ': threads=0 makes a daemon that runs only WSGIImportScript scripts and serves no requests' : '';
  return `'${raw}' is not a plain number: mod_wsgi reads only its leading digits, so this means ${read}${zeroThreads}.`;
}

function fixesFor(text: string, info: WsgiOptionInfo, o: WsgiOptionToken, p: ValueProblem): Fix[] {
  const setValue = (title: string, value: string, preferred = false): Fix => ({
    title,
    preferred,
    edits: [{ start: o.value.start, end: o.value.end, newText: value }],
  });
  if (p.reason === 'empty' || p.reason === 'root') {
    return [{ title: `Remove '${text.slice(o.start, o.end)}'`, preferred: true, edits: [removal(text, o.start, o.end)] }];
  }
  if (p.reason === 'range' && info.check.kind === 'buffer') {
    return [setValue(`Use the minimum, ${info.check.min}`, String(info.check.min), true), setValue('Use 0 (the default)', '0')];
  }
  if (p.reason === 'flag') {
    const flag = intendedFlag(o.value.text);
    return flag ? [setValue(`Write ${flag}`, flag, true)] : [];
  }
  if (p.reason === 'format' && /^0[oO][0-7]+$/.test(o.value.text)) return [setValue(`Write 0${o.value.text.slice(2)}`, `0${o.value.text.slice(2)}`, true)];
  if (p.reason === 'lenient-number' && /^\s*[+-]?\d/.test(o.value.text)) return [setValue(`Write ${p.read}`, String(p.read), true)];
  return [];
}
