/**
 * The example plans (`examples/*.json`), all in one module: the dialog loads it once, on the first pick. They ship
 * in the share link's compact form (`example-plans.json`, written by `npm run gen` from the example files, whose
 * plans a test holds equal to these): a third of the JSON, as fields at their defaults are left out.
 */
import { expandPlanV1 } from '../../share/compact-v1';
import compact from './example-plans.json';

export const EXAMPLE_DOCUMENTS: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(compact as Record<string, unknown>).map(([file, value]) => [file, expandPlanV1(value)]),
);
