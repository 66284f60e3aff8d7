import { useMemo } from 'react';
import type { ExportFile } from '../../exporters/types';
import { languageOf, tokenize } from './highlight';

/**
 * The preview shows at most this many lines: a large plan's template runs to megabytes, which no one
 * reads in a page and which would make every later render of the page slow. Copy and Download always
 * carry the whole file.
 */
const PREVIEW_MAX_LINES = 400;

/** The first `maxLines` lines of a text, and how many lines it has in all. */
export function previewOf(text: string, maxLines: number): { text: string; shownLines: number; totalLines: number } {
  let index = -1;
  let lines = 0;
  while (lines < maxLines) {
    const next = text.indexOf('\n', index + 1);
    if (next < 0) break;
    index = next;
    lines += 1;
  }
  if (lines < maxLines || index === text.length - 1) {
    const totalLines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    return { text, shownLines: totalLines, totalLines };
  }
  let totalLines = lines;
  for (let i = text.indexOf('\n', index + 1); i >= 0; i = text.indexOf('\n', i + 1)) totalLines += 1;
  if (!text.endsWith('\n')) totalLines += 1;
  return { text: text.slice(0, index + 1), shownLines: maxLines, totalLines };
}

/** A read-only, syntax-highlighted view of one file; focusable so it scrolls with the keyboard. */
export function CodePreview({ file }: { file: ExportFile }) {
  const preview = useMemo(() => previewOf(file.contents, PREVIEW_MAX_LINES), [file]);
  const tokens = useMemo(() => tokenize(preview.text, languageOf(file.path)), [preview, file.path]);
  const cut = preview.shownLines < preview.totalLines;
  return (
    <>
      <pre
        className="export__code"
        tabIndex={0}
        aria-label={`Contents of ${file.path}${cut ? `, first ${preview.shownLines} lines` : ''}`}
      >
        <code>
          {tokens.map((t, i) =>
            t.kind === 'text' ? (
              t.text
            ) : (
              <span key={i} className={`tok tok--${t.kind}`}>
                {t.text}
              </span>
            ),
          )}
        </code>
      </pre>
      {cut ? (
        <p className="export__cut">
          The preview shows the first {preview.shownLines.toLocaleString('en-US')} of{' '}
          {preview.totalLines.toLocaleString('en-US')} lines; copy or download the file for all of it.
        </p>
      ) : null}
    </>
  );
}
