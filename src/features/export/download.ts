/** Browser downloads of export files: one file, or all of them as a zip (fflate, loaded on demand). */
import type { ExportFile } from '../../exporters/types';
import { saveBlob } from '../common/save-blob';

const save = (name: string, blob: Blob): void => saveBlob(blob, name);

export function downloadFile(file: ExportFile): void {
  save(file.path.split('/').pop() ?? file.path, new Blob([file.contents], { type: 'text/plain;charset=utf-8' }));
}

export async function downloadZip(name: string, files: readonly ExportFile[]): Promise<void> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = strToU8(f.contents);
  // A fixed timestamp keeps the archive reproducible.
  const zipped = zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  save(name, new Blob([zipped], { type: 'application/zip' }));
}
