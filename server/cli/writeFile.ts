// How --fix writes a file: atomically (a temporary file renamed over the target), through a symlink to its target
// (Debian enables sites by symlink; the link must stay a link), keeping the target's mode (the temporary file's
// creation mode is masked by the umask, so it is set again with chmod) and, where allowed, its owner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, editBytes, encodeBytes, touchesHole } from './bytes';

/** A file --fix could not write: an I/O error (exit status 2), reported in one line. */
export class WriteError extends Error {}

/** Throws WriteError unless `file`'s target could be replaced (its directory is writable for the temporary file). */
export function checkWritable(file: string): void {
  try {
    fs.accessSync(path.dirname(fs.realpathSync(file)), fs.constants.W_OK);
  } catch (err) {
    throw new WriteError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** Replaces the content of `file` (or of the file its symlinks lead to) with `bytes`. */
export function replaceFile(file: string, bytes: Buffer): void {
  try {
    replace(file, bytes);
  } catch (err) {
    throw new WriteError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function replace(file: string, bytes: Buffer): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  const mode = st.mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.apache-wsgi-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { mode, flag: 'wx' });
    try {
      // Only root may give a file away; others keep the owner they are.
      fs.chownSync(tmp, st.uid, st.gid);
    } catch {
      /* not permitted: the file is the writer's, as any edit by them would leave it */
    }
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes `fixed` over `file`, whose analysed text was `analysed`, keeping every byte outside the changed span.
 * Returns why it did not write, or undefined when it did.
 */
export function writeFixedText(file: string, analysed: string, fixed: string): string | undefined {
  const bytes = fs.readFileSync(file);
  const before = decodeBytes(bytes);
  if (before.text !== analysed) return 'changed on disk while it was being fixed; not written';
  let start = 0;
  while (start < analysed.length && start < fixed.length && analysed[start] === fixed[start]) start++;
  let tail = 0;
  while (tail < analysed.length - start && tail < fixed.length - start && analysed[analysed.length - 1 - tail] === fixed[fixed.length - 1 - tail]) tail++;
  const edit = [{ start, end: analysed.length - tail, newText: fixed.slice(start, fixed.length - tail) }];
  const out = touchesHole(before, edit) ? undefined : encodeBytes(editBytes(before, edit));
  if (!out) return UNDECODABLE_NOTE;
  checkWritable(file);
  replaceFile(file, out);
  return undefined;
}

const UNDECODABLE_NOTE = 'not valid UTF-8, and the fixes would change bytes that cannot be decoded; not written (fix it by hand)';
