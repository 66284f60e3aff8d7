/** The CLI's io on a real process: files, standard input and output, and the export folder. */
import { open } from 'node:fs/promises';
import { TooLargeError, type CliIo } from './io';
import { writeFolder } from './write-folder';

/** Reads a stream to the end as UTF-8, giving up past `maxBytes`. */
async function readCapped(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<string> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) throw new TooLargeError(undefined);
    parts.push(bytes);
  }
  return Buffer.concat(parts).toString('utf8');
}

async function readFileCapped(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (info.isFile()) {
      if (info.size > maxBytes) throw new TooLargeError(info.size);
      return await handle.readFile('utf8');
    }
    // A named pipe or `<(…)` from the shell: read as a stream, up to the limit.
    return await readCapped(handle.createReadStream({ autoClose: false }), maxBytes);
  } finally {
    await handle.close();
  }
}

/**
 * Standard output and error, written only while someone reads them. When the reader goes away (a pipe
 * into `head` that has printed enough) a write fails with EPIPE: the command then finishes without
 * printing more and exits with its own code, never with a stack trace. Any other failure to write the
 * standard output (a full disk) is kept for {@link standardOutputFailure}.
 */
const closed = new Set<NodeJS.WriteStream>();
let outputFailure: string | undefined;

function closeStream(stream: NodeJS.WriteStream, error: unknown): void {
  closed.add(stream);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (stream === process.stdout && code !== 'EPIPE' && code !== 'ERR_STREAM_DESTROYED')
    outputFailure ??= code ?? String(error);
}

const watched = new Set<NodeJS.WriteStream>();

/** Listens for the stream's errors from its first use (creating process.stderr early costs start-up time). */
function watch(stream: NodeJS.WriteStream): void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (e) => closeStream(stream, e));
  }
}

/** The error code when the standard output could not be written for another reason than a closed pipe. */
export const standardOutputFailure = (): string | undefined => outputFailure;

function write(stream: NodeJS.WriteStream, text: string): void {
  watch(stream);
  if (closed.has(stream) || stream.destroyed) return;
  try {
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  } catch (e) {
    closeStream(stream, e);
  }
}

export const nodeIo: CliIo = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  readText: readFileCapped,
  readStdin: (maxBytes) => readCapped(process.stdin, maxBytes),
  writeFolder,
};
