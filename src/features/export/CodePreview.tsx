import { useMemo } from 'react';
import type { ExportFile } from '../../exporters/types';
import { languageOf, tokenize } from './highlight';

/** A read-only, syntax-highlighted view of one file; focusable so it scrolls with the keyboard. */
export function CodePreview({ file }: { file: ExportFile }) {
  const tokens = useMemo(() => tokenize(file.contents, languageOf(file.path)), [file]);
  return (
    <pre className="export__code" tabIndex={0} aria-label={`Contents of ${file.path}`}>
      <code>
        {tokens.map((t, i) =>
          t.kind === 'text' ? t.text : (
            <span key={i} className={`tok tok--${t.kind}`}>
              {t.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
