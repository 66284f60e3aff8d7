/**
 * Writes an export into a folder all together or not at all:
 * - nothing is written when a file exists and may not be replaced, or when a path is taken by a folder;
 * - the files are written into a temporary folder first: beside the output folder when that does not
 *   exist yet (then renamed into place), inside it when it does (then each file is renamed into place,
 *   the file it replaces set aside until every file is in place, and put back when one step fails);
 * - missing parent folders are made one at a time, so a path that cannot be created (`/proc/nope`, a
 *   broken symbolic link) fails at once. Node's `mkdir(…, { recursive: true })` retries such a path
 *   forever: the file system answers ENOENT, Node takes it for a missing parent, finds the parent
 *   there and tries again.
 */
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExistingFilesError, InputError, type FolderFile } from './io';

/** The file-system calls made here; tests replace one to make it fail at a chosen step. */
export interface FolderFs {
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  /** Makes one folder; its parent must exist. */
  mkdir(path: string): Promise<void>;
  writeFile(path: string, contents: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes an empty folder. */
  rmdir(path: string): Promise<void>;
  /** Removes a folder and everything in it. */
  removeTree(path: string): Promise<void>;
}

export const nodeFolderFs: FolderFs = {
  stat: (path) => stat(path),
  mkdir: async (path) => {
    await mkdir(path);
  },
  writeFile: (path, contents) => writeFile(path, contents),
  rename: (from, to) => rename(from, to),
  rmdir: (path) => rmdir(path),
  removeTree: (path) => rm(path, { recursive: true, force: true }),
};

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is larger than allowed',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EEXIST: 'something else is there',
  EISDIR: 'a folder is there',
  ENOENT: 'the file system refused it',
};

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;
const reason = (e: unknown): string => {
  const code = codeOf(e);
  if (code === undefined) return e instanceof Error ? e.message : String(e);
  return `${REASONS[code] ?? 'error'} (${code})`;
};

type Kind = 'folder' | 'other' | 'missing';

async function kindOf(fs: FolderFs, path: string): Promise<Kind> {
  try {
    return (await fs.stat(path)).isDirectory() ? 'folder' : 'other';
  } catch (e) {
    // ENOTDIR: a parent is not a folder; the callers look at the parents too.
    if (codeOf(e) === 'ENOENT' || codeOf(e) === 'ENOTDIR') return 'missing';
    throw new InputError(`${path}: cannot be read: ${reason(e)}.`);
  }
}

/** Splits `a/b/c.tf` into its parts; refuses anything that could leave the output folder. */
function partsOf(path: string): string[] {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\')))
    throw new InputError(`Refused to write "${path}": not a plain relative path.`);
  return parts;
}

/**
 * Makes `folder` and its missing parents, one level at a time, and returns the folders it made (the
 * outermost first), so that a failed export can remove them again.
 */
async function makeFolders(fs: FolderFs, folder: string): Promise<string[]> {
  const missing: string[] = [];
  let current = resolve(folder);
  for (;;) {
    const kind = await kindOf(fs, current);
    if (kind === 'folder') break;
    if (kind === 'other') throw new InputError(`Cannot create the folder ${folder}: ${current} is not a folder.`);
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) throw new InputError(`Cannot create the folder ${folder}: ${current} does not exist.`);
    current = parent;
  }
  const made: string[] = [];
  try {
    for (const path of missing.reverse()) {
      try {
        await fs.mkdir(path);
      } catch (e) {
        throw new InputError(`Cannot create the folder ${path === resolve(folder) ? folder : path}: ${reason(e)}.`);
      }
      made.push(path);
    }
  } catch (e) {
    await removeFolders(fs, made);
    throw e;
  }
  return made;
}

/** Removes folders this export made, innermost first; one that is not empty any more is left. */
async function removeFolders(fs: FolderFs, made: readonly string[]): Promise<void> {
  for (const path of [...made].reverse()) await fs.rmdir(path).catch(() => undefined);
}

/** A fresh folder named `<prefix><random>` inside `parent`; `failure` starts the message if it cannot be made. */
async function makeStagingFolder(fs: FolderFs, parent: string, prefix: string, failure: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    // Unique enough with the retries below (and cheaper to start than node:crypto).
    const path = join(parent, `${prefix}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
    try {
      await fs.mkdir(path);
      return path;
    } catch (e) {
      if (codeOf(e) !== 'EEXIST' || attempt >= 5) throw new InputError(`${failure}: ${reason(e)}.`);
    }
  }
}

/** Writes every file under `root`, making the folders they need (which are new, inside a new folder). */
async function writeAll(fs: FolderFs, root: string, files: readonly FolderFile[], shown: string): Promise<void> {
  const made = new Set<string>();
  for (const file of files) {
    const parts = partsOf(file.path);
    for (let i = 1; i < parts.length; i += 1) {
      const folder = join(root, ...parts.slice(0, i));
      if (made.has(folder)) continue;
      await fs.mkdir(folder).catch((e: unknown) => {
        throw new InputError(`${join(shown, ...parts.slice(0, i))}: cannot be created: ${reason(e)}.`);
      });
      made.add(folder);
    }
    await fs.writeFile(join(root, ...parts), file.contents).catch((e: unknown) => {
      throw new InputError(`${join(shown, file.path)}: cannot be written: ${reason(e)}.`);
    });
  }
}

/** Runs one step; its failure becomes an {@link InputError} with `message` and the reason. */
async function step<T>(run: Promise<T>, message: string): Promise<T> {
  try {
    return await run;
  } catch (e) {
    throw new InputError(`${message}: ${reason(e)}.`);
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The export into a folder that does not exist yet: written beside it, then renamed into place. */
async function writeNewFolder(fs: FolderFs, dir: string, files: readonly FolderFile[]): Promise<void> {
  const target = resolve(dir);
  let made: string[] = [];
  let staging: string | undefined;
  try {
    made = await makeFolders(fs, dirname(target));
    const prefix = `.${basename(target)}.pgflex-netplan-`;
    staging = await makeStagingFolder(fs, dirname(target), prefix, `Cannot create the folder ${dir}`);
    await writeAll(fs, staging, files, dir);
    await step(fs.rename(staging, target), `Cannot create the folder ${dir}`);
  } catch (e) {
    const cleaned =
      staging === undefined ||
      (await fs.removeTree(staging).then(
        () => true,
        () => false,
      ));
    await removeFolders(fs, made);
    throw new InputError(
      `${messageOf(e)} Nothing was written${cleaned ? '' : `, but the temporary folder ${staging} is left`}.`,
    );
  }
}

type Step = { kind: 'folder'; path: string } | { kind: 'aside'; file: string } | { kind: 'placed'; file: string };

/** The export into an existing folder: checked, written inside it, then moved file by file into place. */
async function writeIntoFolder(fs: FolderFs, dir: string, files: readonly FolderFile[], replace: boolean) {
  const target = resolve(dir);
  const existing: string[] = [];
  const checked = new Set<string>();
  for (const file of files) {
    const parts = partsOf(file.path);
    for (let i = 1; i < parts.length; i += 1) {
      const sub = parts.slice(0, i).join('/');
      if (checked.has(sub)) continue;
      checked.add(sub);
      if ((await kindOf(fs, join(target, ...parts.slice(0, i)))) === 'other')
        throw new InputError(`Not exported: ${join(dir, sub)} is not a folder; ${join(dir, file.path)} goes in it.`);
    }
    const kind = await kindOf(fs, join(target, ...parts));
    if (kind === 'folder') throw new InputError(`Not exported: ${join(dir, file.path)} is a folder.`);
    if (kind === 'other') existing.push(file.path);
  }
  if (existing.length > 0 && !replace) throw new ExistingFilesError(existing.map((p) => join(dir, p)));

  const staging = await makeStagingFolder(fs, target, '.pgflex-netplan-', `Cannot write in ${dir}`).catch(
    (e: unknown) => {
      throw new InputError(`${messageOf(e)} Nothing in ${dir} was changed.`);
    },
  );
  const fresh = join(staging, 'new');
  const aside = join(staging, 'old');
  const done: Step[] = [];
  try {
    await step(fs.mkdir(fresh), `Cannot write in ${dir}`);
    await writeAll(fs, fresh, files, dir);
    if (existing.length > 0) await step(fs.mkdir(aside), `Cannot write in ${dir}`);
    const asideFolders = new Set<string>();
    const replaced = new Set(existing);
    for (const file of files) {
      const parts = partsOf(file.path);
      for (let i = 1; i < parts.length; i += 1) {
        const sub = join(target, ...parts.slice(0, i));
        if ((await kindOf(fs, sub)) !== 'folder') {
          await step(fs.mkdir(sub), `${join(dir, ...parts.slice(0, i))}: cannot be created`);
          done.push({ kind: 'folder', path: sub });
        }
        const subAside = join(aside, ...parts.slice(0, i));
        if (replaced.has(file.path) && !asideFolders.has(subAside)) {
          await step(fs.mkdir(subAside), `Cannot write in ${dir}`);
          asideFolders.add(subAside);
        }
      }
      if (replaced.has(file.path)) {
        await step(
          fs.rename(join(target, ...parts), join(aside, ...parts)),
          `${join(dir, file.path)}: cannot be replaced`,
        );
        done.push({ kind: 'aside', file: file.path });
      }
      await step(
        fs.rename(join(fresh, ...parts), join(target, ...parts)),
        `${join(dir, file.path)}: cannot be written`,
      );
      done.push({ kind: 'placed', file: file.path });
    }
  } catch (e) {
    const notRestored = await undo(fs, done, { target, fresh, aside });
    const cleaned = await fs.removeTree(staging).then(
      () => true,
      () => false,
    );
    const problems = [
      ...(notRestored.length > 0 ? [`could not put back ${notRestored.map((p) => join(dir, p)).join(', ')}`] : []),
      ...(cleaned ? [] : [`the temporary folder ${staging} is left`]),
    ];
    const outcome = problems.length === 0 ? `Nothing in ${dir} was changed.` : `Careful: ${problems.join('; ')}.`;
    throw new InputError(`${messageOf(e)} ${outcome}`);
  }
  await fs.removeTree(staging).catch(() => undefined);
}

/**
 * Takes back the steps of a failed export, last first, so the folder is as it was before; returns the
 * files it could not put back.
 */
async function undo(fs: FolderFs, done: readonly Step[], at: { target: string; fresh: string; aside: string }) {
  const failed: string[] = [];
  for (const done1 of [...done].reverse()) {
    if (done1.kind === 'folder') {
      await fs.rmdir(done1.path).catch(() => undefined);
      continue;
    }
    const parts = done1.file.split('/');
    const [from, to] =
      done1.kind === 'placed'
        ? [join(at.target, ...parts), join(at.fresh, ...parts)]
        : [join(at.aside, ...parts), join(at.target, ...parts)];
    await fs.rename(from, to).catch(() => failed.push(done1.file));
  }
  return failed;
}

/** See the module comment. Every failure is an {@link InputError} whose message names the path. */
export async function writeFolder(
  dir: string,
  files: readonly FolderFile[],
  options: { replace: boolean },
  fs: FolderFs = nodeFolderFs,
): Promise<void> {
  if (dir === '') throw new InputError('The output folder has no name.');
  const kind = await kindOf(fs, resolve(dir));
  if (kind === 'other') throw new InputError(`Not exported: ${dir} exists and is not a folder.`);
  if (kind === 'missing') await writeNewFolder(fs, dir, files);
  else await writeIntoFolder(fs, dir, files, options.replace);
}
