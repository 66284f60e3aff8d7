/** Test support: a CLI io over in-memory files that records what a command prints and writes. */
import { ExistingFilesError, type CliIo } from './io';

/**
 * `files`: what exists and can be read (an export refuses to replace them without --force);
 * `stdin`: what standard input holds (read once; empty afterwards, as a real stream would be).
 */
export function memoryIo(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  let stdinReads = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (path) => {
      const text = files[path];
      if (text === undefined) return Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }));
      return Promise.resolve(text);
    },
    readStdin: () => {
      stdinReads += 1;
      return Promise.resolve(stdinReads === 1 ? stdin : '');
    },
    writeFolder: (dir, list, { replace }) => {
      const paths = list.map((f) => `${dir}/${f.path}`);
      const existing = paths.filter((p) => p in files || written.has(p));
      if (existing.length > 0 && !replace) return Promise.reject(new ExistingFilesError(existing));
      for (const [i, f] of list.entries())
        written.set(paths[i]!, typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents));
      return Promise.resolve();
    },
  };
  return { io, out, err, written };
}

import { exampleText } from '../domain/testing/examples';

export { exampleText };

/** An example plan changed by `edit` (given the parsed JSON), as text. */
export function editedExample(name: string, edit: (doc: ExampleDoc) => void): string {
  const doc = JSON.parse(exampleText(name)) as ExampleDoc;
  edit(doc);
  return JSON.stringify(doc);
}

/** The parts of an example plan's JSON that tests change. */
interface ExampleDoc {
  name: string;
  servers: { name: string }[];
  access: { vnet?: { name: string }; peeredVnets?: { zoneLink: boolean }[] };
  clients: { name: string }[];
}
