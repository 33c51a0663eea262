// "Insert Daemon Mode Configuration": moves the WSGIScriptAlias under the cursor out of embedded mode by adding a
// WSGIDaemonProcess and the WSGIProcessGroup that delegates to it (or only the missing WSGIDaemonProcess), above
// the alias. Without an alias at hand the block goes on the cursor's line. The edit is checked by re-analysing:
// when another directive would still decide the group, nothing is inserted and the message says why.
import type { TextEditSpan } from '../rules/types';
import { analyzeText } from '../service';
import { applyEdits } from './applyEdits';
import { aliasAt, explainProcessGroup } from './effectiveGroup';
import { effectiveApplicationGroup, freshGroupName } from '../model/groups';
import { hostNameOf, virtualHostOf } from '../model/hosts';
import { scriptLocation } from '../model/scope';
import { basenameOf } from '../model/paths';
import { insertAbove } from '../model/edits';
import type { Analysis } from '../service';

export interface DaemonModeResult {
  edits: TextEditSpan[];
  message: string;
}

const daemonLine = (name: string) => `WSGIDaemonProcess ${name} processes=2 threads=15 display-name=%{GROUP}`;

export function daemonModeEdit(analysis: Analysis, offset: number): DaemonModeResult {
  const { model, text } = analysis;
  const alias = aliasAt(model, offset);
  if (!alias) {
    const name = freshGroupName(model, 'wsgi-app');
    const lines = [daemonLine(name), `WSGIProcessGroup ${name}`, 'WSGIApplicationGroup %{GLOBAL}'];
    return { edits: [insertAbove(text, offset, lines)], message: `Inserted daemon process group '${name}'; add a WSGIScriptAlias for the application.` };
  }
  const before = explainProcessGroup(model, alias, () => '');
  if (before.mode === 'daemon') return { edits: [], message: `${before.summary} Nothing to insert.` };
  if (before.mode === 'per-request') return { edits: [], message: `${before.summary} Define the groups it may select with WSGIDaemonProcess.` };
  const lines: string[] = [];
  let name = before.processGroup;
  if (before.mode === 'missing-group') {
    lines.push(daemonLine(name));
  } else {
    const serverName = virtualHostOf(model, alias.vhost)?.serverName?.args[0]?.value;
    name = freshGroupName(model, serverName ? hostNameOf(serverName) : basenameOf(scriptLocation(alias).dir ?? '') || 'wsgi-app');
    lines.push(daemonLine(name), `WSGIProcessGroup ${name}`);
  }
  if (effectiveApplicationGroup(model, alias).value === null) lines.push('WSGIApplicationGroup %{GLOBAL}');
  const edits = [insertAbove(text, alias.node.start, lines)];
  // Check the result: a <Directory>-level WSGIProcessGroup or a process-group= option would still win.
  const after = analyzeText(analysis.uri, applyEdits(text, edits));
  const moved = after.model.scriptAliases.find((a) => a.node.start === alias.node.start + edits[0].newText.length);
  const result = moved && explainProcessGroup(after.model, moved, () => '');
  if (!result || result.mode !== 'daemon' || result.processGroup !== name) {
    return { edits: [], message: `${before.summary} ${before.details[1]} Change that directive instead.` };
  }
  return { edits, message: `WSGIScriptAlias ${before.alias.url} now runs in daemon process group '${name}'.` };
}
