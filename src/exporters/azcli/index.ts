/**
 * Azure CLI export: `deploy.sh`, a bash script (`set -euo pipefail`) that creates the same
 * resources with `az`, written from the step list of `script-steps.ts` in the shell forms of `shell.ts`. The
 * password comes from the environment and reaches `az` on its standard input (`--admin-password=@-`: the Azure CLI
 * reads an argument written `@-` from stdin, `_expand_file_prefixed_files` in azure-cli's
 * `azure/cli/core/commands/__init__.py`), so it never shows in the process list; `printf` is a bash builtin.
 */
import type { Plan } from '../../domain/plan';
import { shellQuote as q } from '../escape';
import { commentBlock, errorLines } from '../header';
import { planModel } from '../model';
import type { ExportFile, ExportOptions } from '../types';
import { SERVER_DEFAULTS } from '../versions';
import { MIN_CLI, versionCheck } from './cli-versions';
import { planScriptSections } from './script-steps';
import { opt, shellVar } from './shell';

export function azcliFiles(plan: Plan, options: ExportOptions = {}): ExportFile[] {
  const model = planModel(plan);
  const errors = errorLines(options.errors);
  const head = [
    ...errors,
    ...(errors.length > 0 ? [''] : []),
    `Plan "${plan.name}": Azure Database for PostgreSQL flexible server, ` +
      (model.access.mode === 'private'
        ? 'private access (VNet integration).'
        : 'public access (allowed IP addresses).'),
    'Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)',
    'It can be run again: what exists is kept, and the settings the plan owns are set again.',
    `It needs Azure CLI ${MIN_CLI.text} or later, and uses the flags of the version it finds.`,
    ...model.notes.map((n) => `Note: ${n}`),
  ];
  const lines: string[] = ['#!/usr/bin/env bash', commentBlock('#', head), 'set -euo pipefail', ''];
  lines.push(`LOCATION="\${LOCATION:-${model.location.replace(/[^A-Za-z0-9]/g, '')}}"`);
  lines.push(
    `SKU_TIER="\${SKU_TIER:-${SERVER_DEFAULTS.skuTier}}"`,
    `SKU_NAME="\${SKU_NAME:-${SERVER_DEFAULTS.skuName}}"`,
  );
  lines.push(`STORAGE_SIZE_GB="\${STORAGE_SIZE_GB:-${SERVER_DEFAULTS.storageSizeGB}}"`);
  lines.push(`ADMIN_LOGIN="\${ADMIN_LOGIN:-${SERVER_DEFAULTS.administratorLogin}}"`);
  lines.push(': "${PGADMIN_PASSWORD:?Set PGADMIN_PASSWORD to the administrator password}"');
  for (const sub of model.subscriptions.filter((s) => !s.primary)) {
    lines.push(`${shellVar(sub.param)}=${q(sub.value)}`);
  }
  const needsRg =
    model.primaryRg === '' ||
    (model.access.mode === 'private' && [model.access.vnet.loc, model.access.zone.loc].some((l) => l.rg === ''));
  if (needsRg)
    lines.push(': "${RESOURCE_GROUP:?Set RESOURCE_GROUP: the plan names no resource group for some resources}"');
  lines.push(...versionCheck(model));
  if (model.primary.value !== '') lines.push('', `az account set ${opt('subscription', model.primary.value)}`);

  for (const section of planScriptSections(plan)) {
    lines.push('', `# ${section.title}`);
    for (const s of section.steps) lines.push(s.commands);
  }
  return [{ path: 'deploy.sh', contents: `${lines.join('\n')}\n` }];
}
