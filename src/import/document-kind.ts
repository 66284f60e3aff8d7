/**
 * Which reader a document goes to, decided in one place for the page and the CLI: a plan file names its
 * `formatVersion`; a deployment has one of the shapes the importer reads (`collect.ts`: a bundle, a template,
 * Resource Graph results, a resource or a list of them); anything else is neither, and each caller says so its way.
 */
export type DocumentKind = 'plan' | 'deployment' | 'neither';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kind of a parsed JSON document. */
export function kindOfValue(value: unknown): DocumentKind {
  if (isObject(value) && 'formatVersion' in value) return 'plan';
  const deployed =
    Array.isArray(value) ||
    (isObject(value) &&
      ('format' in value ||
        Array.isArray(value.resources) ||
        Array.isArray(value.data) ||
        Array.isArray(value.value) ||
        (typeof value.id === 'string' && typeof value.type === 'string')));
  return deployed ? 'deployment' : 'neither';
}

/**
 * For text that isn't valid JSON, which reader tells its error best: a plan file's names its format within its
 * first few kilobytes (keys in schema order), so a broken plan file gets the plan reader's line and column.
 */
export function brokenTextKind(text: string): 'plan' | 'deployment' {
  return /"formatVersion"\s*:/.test(text.slice(0, 4096)) ? 'plan' : 'deployment';
}

/** The text of a document without the byte order mark some editors write first. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
