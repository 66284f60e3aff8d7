/** The shared shapes of every exporter: a pure function from a plan to a list of files. */
import type { Finding } from '../domain/finding';
import type { Plan } from '../domain/plan';

export interface ExportFile {
  /** Relative path inside the export, forward slashes (e.g. `modules/dns-1.bicep`). */
  path: string;
  contents: string;
}

export type ProviderMajor = 4 | 5;

export interface ExportOptions {
  /**
   * Error findings of the plan, when the caller exports anyway. The files then start with a
   * comment (ARM: the template's `metadata`) listing them. The exporters never run the rules.
   */
  errors?: readonly Finding[];
  /** Terraform only: the azurerm provider major version to write for (default 5). */
  providerMajor?: ProviderMajor;
}

type ExportFn = (plan: Plan, options?: ExportOptions) => ExportFile[];

export interface ExportFormat {
  id: 'arm' | 'terraform' | 'bicep' | 'azcli';
  label: string;
  files: ExportFn;
}
