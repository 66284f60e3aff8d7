/** The example plans (`examples/*.json`), all in one module: the dialog loads it once, on the first pick. */
export const EXAMPLE_DOCUMENTS: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(import.meta.glob<unknown>('../../../examples/*.json', { eager: true, import: 'default' })).map(
    ([path, document]) => [path.split('/').pop() ?? path, document],
  ),
);
