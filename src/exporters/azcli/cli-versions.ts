/**
 * The Azure CLI versions `deploy.sh` knows: it reads the installed one (`az version`), stops below the oldest it
 * supports, and picks the flags that version takes for high availability and firewall rules.
 */
import type { HaModeSchema } from '../../domain/plan';
import type * as z from 'zod/mini';
import type { ExportModel } from '../model';

type HaMode = z.infer<typeof HaModeSchema>;

/** A version as `major.minor.patch`, and the number the script compares: major × 10⁶ + minor × 10³ + patch. */
interface CliVersion {
  text: string;
  number: number;
}
const version = (major: number, minor: number, patch: number): CliVersion => ({
  text: `${major}.${minor}.${patch}`,
  number: major * 1_000_000 + minor * 1_000 + patch,
});

/**
 * The oldest CLI the script runs with: the first whose `--high-availability` takes `SameZone` (azure-cli
 * `src/azure-cli/HISTORY.rst`, 2.40.0, RDBMS: "Add `SameZone` for HA in PostgreSQL flexible server (#23473)").
 */
export const MIN_CLI = version(2, 40, 0);

/**
 * `create --zonal-resiliency Enabled|Disabled` arrives in 2.82.0 and deprecates `--high-availability`
 * (MicrosoftDocs/azure-databases-docs `articles/postgresql/release-notes/release-notes-cli.md`, ms.date 2026-07-08:
 * "2.82.0 … Show high availability with zonal resiliency argument"; azure-cli#32482; both flags in azure-cli
 * `postgresql/_params.py` @3a7499b1, the version azure-facts.md §5.1 cites).
 */
const ZONAL_RESILIENCY_CLI = version(2, 82, 0);

/**
 * 2.87.0 removes `--high-availability` and names a firewall rule's server `--server-name` and the rule `--name`
 * (same release notes, 2.87.0: "[BREAKING CHANGE] Remove `--high-availability` in favor of `--zonal-resiliency`",
 * "Standardize use of `--name` and `--server-name`"; announced in azure-cli `postgresql/_breaking_change.py`
 * @00f68848). Before it the server is `--name` and the rule `--rule-name` (`postgresql/_params.py` @047afb0c).
 * `--zonal-resiliency Enabled` makes the standby zone-redundant and chooses the same zone only in a region with one
 * zone (`postgresql/commands/custom_commands.py` @03ee58ce, `flexible_server_create`), so from 2.87.0 the CLI
 * can't request same-zone high availability in a region with several zones.
 */
const NAME_SERVER_NAME_CLI = version(2, 87, 0);

/** The bash array a server create expands for each high-availability mode. */
export const HA_FLAGS: Record<HaMode, string> = {
  Disabled: 'HA_DISABLED',
  ZoneRedundant: 'HA_ZONE_REDUNDANT',
  SameZone: 'HA_SAME_ZONE',
};

/** `firewall-rule create`'s options for the server's and the rule's names, as chosen by the script. */
export const FIREWALL_SERVER_FLAG = 'FIREWALL_SERVER_OPTION';
export const FIREWALL_RULE_FLAG = 'FIREWALL_RULE_OPTION';

const stop = (message: string) => [`  echo ${message} >&2`, '  exit 1', 'fi'];

/** The lines that check the CLI's version and choose the flags the plan's commands use. */
export function versionCheck(model: ExportModel): string[] {
  const modes = new Set(model.servers.map((s) => s.highAvailability));
  const lines = [
    '',
    `# Azure CLI ${MIN_CLI.text} or later; the flags for high availability and firewall rules depend on its version`,
    `AZ_VERSION="$(az version --query='"azure-cli"' --output=tsv 2>/dev/null)" || AZ_VERSION=''`,
    'if [[ ! "$AZ_VERSION" =~ ^([0-9]+)\\.([0-9]+)\\.([0-9]+) ]]; then',
    ...stop(
      `"Could not read the Azure CLI version (az version gave '$AZ_VERSION'). ` +
        `deploy.sh needs Azure CLI ${MIN_CLI.text} or later."`,
    ),
    'AZ_VERSION_NUMBER=$((10#${BASH_REMATCH[1]} * 1000000 + 10#${BASH_REMATCH[2]} * 1000 + 10#${BASH_REMATCH[3]}))',
    `if ((AZ_VERSION_NUMBER < ${MIN_CLI.number})); then`,
    ...stop(
      `"deploy.sh needs Azure CLI ${MIN_CLI.text} or later; this one is $AZ_VERSION. ` +
        `Upgrade it (az upgrade) and run deploy.sh again."`,
    ),
  ];
  if (modes.has('SameZone')) {
    lines.push(
      `if ((AZ_VERSION_NUMBER >= ${NAME_SERVER_NAME_CLI.number})); then`,
      ...stop(
        `"The plan has a server with same-zone high availability, which Azure CLI ${NAME_SERVER_NAME_CLI.text} ` +
          `and later can't request (this one is $AZ_VERSION). Run deploy.sh with Azure CLI ` +
          `${MIN_CLI.text} to 2.86, or deploy the ARM, Bicep or Terraform export."`,
      ),
      `${HA_FLAGS.SameZone}=(--high-availability=SameZone)`,
    );
  }
  const others = (['Disabled', 'ZoneRedundant'] as const).filter((m) => modes.has(m));
  if (others.length > 0) {
    const zonal = { Disabled: 'Disabled', ZoneRedundant: 'Enabled' } as const;
    lines.push(
      `if ((AZ_VERSION_NUMBER >= ${ZONAL_RESILIENCY_CLI.number})); then`,
      ...others.map((m) => `  ${HA_FLAGS[m]}=(--zonal-resiliency=${zonal[m]})`),
      'else',
      ...others.map((m) => `  ${HA_FLAGS[m]}=(--high-availability=${m})`),
      'fi',
    );
  }
  if (model.access.mode === 'public' && model.access.firewallRules.length > 0) {
    lines.push(
      `if ((AZ_VERSION_NUMBER >= ${NAME_SERVER_NAME_CLI.number})); then`,
      `  ${FIREWALL_SERVER_FLAG}=--server-name ${FIREWALL_RULE_FLAG}=--name`,
      'else',
      `  ${FIREWALL_SERVER_FLAG}=--name ${FIREWALL_RULE_FLAG}=--rule-name`,
      'fi',
    );
  }
  return lines;
}
