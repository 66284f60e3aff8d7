/**
 * Every version an export pins, in one place. Azure API versions come from `API_VERSIONS`
 * (src/domain/azure.ts, facts §2.1); the Terraform provider ranges follow facts §4 (v5.2.0 and
 * the 4.x line ending at v4.81.0).
 */
import type { ProviderMajor } from './types';

/**
 * Terraform core: `import` blocks with expression IDs need 1.6 or newer, `for_each` on an `import` block (the
 * existing subnet's NSG association, imported only when it exists) 1.7 or newer (Terraform docs, import block).
 */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.7';

/** The azurerm provider constraint per major version. */
export const AZURERM_VERSION: Record<ProviderMajor, string> = {
  5: '~> 5.2',
  4: '~> 4.81',
};

export const DEFAULT_PROVIDER_MAJOR: ProviderMajor = 5;

/** Defaults of the export parameters the plan does not decide (compute size, storage, login). */
export const SERVER_DEFAULTS = {
  /** General Purpose: the smallest tier that supports high availability. facts §2.2 (`sku.name`, `sku.tier`) */
  skuName: 'Standard_D2ds_v5',
  skuTier: 'GeneralPurpose',
  /** azurerm writes the tier as a prefix of the SKU name (facts §4.1). */
  terraformSkuName: 'GP_Standard_D2ds_v5',
  storageSizeGB: 32,
  administratorLogin: 'pgadmin',
} as const;
