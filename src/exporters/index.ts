/** The export formats, in the order the UI and the CLI list them. */
import { armFiles } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { terraformFiles } from './terraform/index';
import type { ExportFormat } from './types';

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'arm', label: 'ARM', files: armFiles },
  { id: 'terraform', label: 'Terraform', files: terraformFiles },
  { id: 'bicep', label: 'Bicep', files: bicepFiles },
  { id: 'azcli', label: 'Azure CLI', files: azcliFiles },
];

export type { ExportFormat } from './types';
export { ExportRefusedError } from './safe-values';
