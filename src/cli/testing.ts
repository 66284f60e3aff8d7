/** Test support: a CLI io over in-memory files that records what a command prints and writes. */
import type { CliIo } from './io';

export function memoryIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string | Uint8Array>();
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (path) => {
      const text = files[path];
      if (text === undefined) return Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }));
      return Promise.resolve(text);
    },
    writeText: (path, contents) => {
      written.set(path, contents);
      return Promise.resolve();
    },
  };
  return { io, out, err, written };
}
