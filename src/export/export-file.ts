import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { FatalError, errorMessage } from '../errors.js';

/**
 * `export --out FILE`. A regular file is written to a temporary file beside it (same directory,
 * so the same filesystem) and renamed over it only once every byte is written and flushed: a
 * full disk, a size limit or a failed query leaves the previous export as it was and no partial
 * file behind. A target that is not a regular file (a device such as /dev/stdout, a FIFO) cannot be
 * replaced by renaming and is written in place. Either way a failure is a FatalError (exit 1)
 * naming the file and the cause, never an unhandled stream 'error'.
 */
export async function writeExportFile<T>(target: string, write: (out: WriteStream) => Promise<T>): Promise<T> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new FatalError(`cannot export to ${target}: it is a directory, expected a file path`);
  try {
    if (existing && !existing.isFile()) return await writeStream(target, 'w', write);
    return await writeReplacing(existing ? await realpath(target) : target, existing?.mode, write);
  } catch (error) {
    throw new FatalError(`export to ${target} failed: ${errorMessage(error)}${existing?.isFile() ? ` (the file there is unchanged)` : ''}`, undefined, {
      cause: error,
    });
  }
}

async function writeReplacing<T>(path: string, mode: number | undefined, write: (out: WriteStream) => Promise<T>): Promise<T> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const result = await writeStream(temporary, 'wx', write, true);
    if (mode !== undefined) await chmod(temporary, mode & 0o7777);
    await rename(temporary, path);
    return result;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeStream<T>(path: string, flags: string, write: (out: WriteStream) => Promise<T>, flush = false): Promise<T> {
  const out = createWriteStream(path, { flags, flush });
  // Without a listener a write error would crash the process ("Unhandled 'error' event"); it is
  // surfaced instead through the writers' checks (writeChunk) and finished() below.
  out.on('error', () => undefined);
  try {
    const result = await write(out);
    out.end();
    await finished(out);
    return result;
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
    throw out.errored ?? error;
  }
}
