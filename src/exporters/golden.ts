/** The golden-file scenarios: every example plan in every format, plus azurerm 4.x for one. */
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS } from './index';
import { examplePlans } from './test-plans';
import type { ExportFile } from './types';

export const GOLDEN_DIR = fileURLToPath(new URL('./__golden__/', import.meta.url));

export interface GoldenCase {
  /** Directory under __golden__: `<example>/<format>`. */
  dir: string;
  files: ExportFile[];
}

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const { name, plan } of examplePlans()) {
    for (const format of EXPORT_FORMATS) cases.push({ dir: `${name}/${format.id}`, files: format.files(plan) });
    if (name === 'hub-and-spoke') {
      const tf = EXPORT_FORMATS.find((f) => f.id === 'terraform');
      if (tf) cases.push({ dir: `${name}/terraform-azurerm4`, files: tf.files(plan, { providerMajor: 4 }) });
    }
  }
  return cases;
}
