import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExistingFilesError, InputError, type FolderFile } from './io';
import { nodeFolderFs, writeFolder, type FolderFs } from './write-folder';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-folder-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file and folder under `dir` with its bytes, so that "nothing changed" is checked byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (statSync(join(dir, path)).isDirectory()) {
        out[`${path}/`] = '';
        walk(path);
      } else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}

const FILES: FolderFile[] = [
  { path: 'main.bicep', contents: 'new main\n' },
  { path: 'main.bicepparam', contents: 'new params\n' },
  { path: 'modules/dns-1.bicep', contents: 'new module 1\n' },
  { path: 'modules/dns-2.bicep', contents: new TextEncoder().encode('new module 2\n') },
];
const WRITTEN = {
  'main.bicep': 'new main\n',
  'main.bicepparam': 'new params\n',
  'modules/': '',
  'modules/dns-1.bicep': 'new module 1\n',
  'modules/dns-2.bicep': 'new module 2\n',
};

/** A folder the user already has: a hand-written main.bicep and module, and files of their own. */
function userFolder(): string {
  const dir = join(root, 'infra');
  mkdirSync(join(dir, 'modules'), { recursive: true });
  writeFileSync(join(dir, 'main.bicep'), 'hand-written main\n');
  writeFileSync(join(dir, 'modules', 'dns-2.bicep'), 'hand-written module\n');
  writeFileSync(join(dir, 'README.md'), 'notes\n');
  return dir;
}

/** The real file system, with the `nth` call of `call` failing (as a full disk or a lost mount would). */
function failing(call: 'writeFile' | 'rename' | 'mkdir', nth: number): FolderFs & { calls: () => number } {
  let calls = 0;
  const gate = (name: typeof call) => {
    if (name !== call) return;
    calls += 1;
    if (calls === nth) throw Object.assign(new Error('injected'), { code: 'EIO' });
  };
  return {
    ...nodeFolderFs,
    writeFile: async (path, contents) => {
      gate('writeFile');
      return nodeFolderFs.writeFile(path, contents);
    },
    rename: async (from, to) => {
      gate('rename');
      return nodeFolderFs.rename(from, to);
    },
    mkdir: async (path) => {
      gate('mkdir');
      return nodeFolderFs.mkdir(path);
    },
    calls: () => calls,
  };
}

describe('writeFolder', () => {
  it('makes a new folder and its missing parents, with every file, and leaves no temporary folder', async () => {
    const dir = join(root, 'a', 'b', 'infra');
    await writeFolder(dir, FILES, { replace: false });
    expect(snapshot(dir)).toEqual(WRITTEN);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['infra']);
  });

  it('adds to an existing folder without touching the files it does not write', async () => {
    const dir = join(root, 'infra');
    mkdirSync(dir);
    writeFileSync(join(dir, 'backend.bicep'), 'mine\n');
    await writeFolder(dir, FILES, { replace: false });
    expect(snapshot(dir)).toEqual({ ...WRITTEN, 'backend.bicep': 'mine\n' });
  });

  it('refuses to replace existing files without replace, naming them, and writes nothing', async () => {
    const dir = userFolder();
    const before = snapshot(root);
    const error = await writeFolder(dir, FILES, { replace: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExistingFilesError);
    expect((error as ExistingFilesError).files).toEqual([join(dir, 'main.bicep'), join(dir, 'modules/dns-2.bicep')]);
    expect(snapshot(root)).toEqual(before);
  });

  it('replaces them with replace, and keeps the other files', async () => {
    const dir = userFolder();
    await writeFolder(dir, FILES, { replace: true });
    expect(snapshot(dir)).toEqual({ ...WRITTEN, 'README.md': 'notes\n' });
  });

  it('refuses, even with replace, a folder where a file goes or a file where a folder goes', async () => {
    const a = join(root, 'a');
    mkdirSync(join(a, 'main.bicep'), { recursive: true });
    const b = join(root, 'b');
    mkdirSync(b);
    writeFileSync(join(b, 'modules'), 'a file\n');
    const before = snapshot(root);
    await expect(writeFolder(a, FILES, { replace: true })).rejects.toThrow(
      `Not exported: ${a}/main.bicep is a folder.`,
    );
    await expect(writeFolder(b, FILES, { replace: true })).rejects.toThrow(
      `Not exported: ${b}/modules is not a folder; ${b}/modules/dns-1.bicep goes in it.`,
    );
    await expect(writeFolder(join(b, 'modules'), FILES, { replace: true })).rejects.toThrow('is not a folder');
    expect(snapshot(root)).toEqual(before);
  });

  it('a failure at any step of an export into an existing folder leaves the folder as it was', async () => {
    for (const call of ['writeFile', 'rename', 'mkdir'] as const) {
      for (let nth = 1; ; nth += 1) {
        const dir = userFolder();
        const before = snapshot(root);
        const fs = failing(call, nth);
        const result = await writeFolder(dir, FILES, { replace: true }, fs).catch((e: unknown) => e);
        if (fs.calls() < nth) {
          // Fewer calls than nth: nothing failed, the export went through.
          expect(result).toBeUndefined();
          expect(snapshot(dir)).toEqual({ ...WRITTEN, 'README.md': 'notes\n' });
          rmSync(dir, { recursive: true });
          expect(nth, `${call} was never called`).toBeGreaterThan(1);
          break;
        }
        expect(result, `${call} #${nth}`).toBeInstanceOf(InputError);
        expect((result as Error).message, `${call} #${nth}`).toMatch(/\(EIO\)\. Nothing in .* was changed\.$/);
        expect(snapshot(root), `${call} #${nth}`).toEqual(before);
        rmSync(dir, { recursive: true });
      }
    }
  });

  it('a failure at any step of an export into a new folder leaves nothing, not even the parents it made', async () => {
    for (const call of ['writeFile', 'rename', 'mkdir'] as const) {
      for (let nth = 1; ; nth += 1) {
        const dir = join(root, 'new', 'infra');
        const fs = failing(call, nth);
        const result = await writeFolder(dir, FILES, { replace: false }, fs).catch((e: unknown) => e);
        if (fs.calls() < nth) {
          expect(result).toBeUndefined();
          expect(snapshot(dir)).toEqual(WRITTEN);
          rmSync(join(root, 'new'), { recursive: true });
          break;
        }
        expect(result, `${call} #${nth}`).toBeInstanceOf(InputError);
        expect((result as Error).message, `${call} #${nth}`).toMatch(/\(EIO\)\. Nothing was written\.$/);
        expect(readdirSync(root), `${call} #${nth}`).toEqual([]);
      }
    }
  });

  it('gives up at once on a path that cannot be created: under /proc, under a broken link, under a file', async () => {
    await expect(writeFolder('/proc/nope', FILES, { replace: false })).rejects.toThrow(
      /^Cannot create the folder \/proc\/nope: .*\(E[A-Z]+\)\. Nothing was written\.$/,
    );
    await expect(writeFolder('/proc/nope/deeper/infra', FILES, { replace: false })).rejects.toThrow(
      /^Cannot create the folder \/proc\/nope: /,
    );
    symlinkSync(join(root, 'gone'), join(root, 'link'));
    await expect(writeFolder(join(root, 'link', 'infra'), FILES, { replace: false })).rejects.toThrow(
      `Cannot create the folder ${join(root, 'link')}: something else is there (EEXIST).`,
    );
    writeFileSync(join(root, 'file'), 'x');
    await expect(writeFolder(join(root, 'file', 'infra'), FILES, { replace: false })).rejects.toThrow(
      `Cannot create the folder ${join(root, 'file')}: ${join(root, 'file')} is not a folder.`,
    );
    expect(readdirSync(root).sort()).toEqual(['file', 'link']);
  });

  it('refuses a file path that could leave the folder', async () => {
    await expect(
      writeFolder(join(root, 'o'), [{ path: '../escape.txt', contents: 'x' }], { replace: false }),
    ).rejects.toThrow('Refused to write "../escape.txt": not a plain relative path.');
    expect(readdirSync(root)).toEqual([]);
  });
});
