/**
 * ARM export: `azuredeploy.json` (deploymentTemplate 2019-04-01, API versions of facts §2.1) and
 * `azuredeploy.parameters.json`. Resources outside the deployment's resource group go into
 * nested deployments with inner-scoped templates.
 */
import type { Plan } from '../../domain/plan';
import { ARM_TEMPLATE_SCHEMA, DEPLOYMENTS_API_VERSION } from '../../domain/azure';
import { shellQuote } from '../escape';
import { resolveDeps } from '../groups';
import { errorLines } from '../header';
import { call, Ex, paramsUsed, toArmJson } from '../ir';
import { buildModel } from '../model';
import { buildTemplate, groupRg, type DeploymentTemplate, type TemplateGroup, type TemplateParam } from '../template';
import type { ExportFile, ExportOptions } from '../types';

const ARM_PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

function paramDecl(p: TemplateParam, withDefault: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { type: p.type };
  if (withDefault && p.defaultValue !== undefined) out.defaultValue = toArmJson(p.defaultValue);
  if (p.allowedValues) out.allowedValues = p.allowedValues;
  out.metadata = { description: p.description };
  return out;
}

const expr = (e: Ex): string => toArmJson(e) as string;

function renderGroup(
  t: DeploymentTemplate,
  group: TemplateGroup,
  deps: ReturnType<typeof resolveDeps>,
  inner: boolean,
): Record<string, unknown> {
  const rendered = new Map<string, unknown>();
  for (const r of group.resources) {
    const dependsOn: string[] = (deps.internal.get(r.sym) ?? []).map((d) => expr(deps.bySym.get(d)?.resource.id as Ex));
    if (!inner) for (const g of deps.topOnGroups.get(r.sym) ?? []) dependsOn.push(g.deployment);
    const json: Record<string, unknown> = { type: r.type, apiVersion: r.apiVersion, name: toArmJson(r.name) };
    for (const [k, v] of Object.entries(r.body)) json[k] = toArmJson(v);
    if (dependsOn.length > 0) json.dependsOn = dependsOn;
    rendered.set(r.sym, json);
  }
  const resources = inner
    ? group.resources.map((r) => rendered.get(r.sym))
    : t.order.map((item) => (typeof item === 'string' ? rendered.get(item) : renderNested(t, item, deps)));
  const outputs: Record<string, unknown> = {};
  for (const o of inner ? group.outputs : t.outputs) outputs[o.name] = { type: 'string', value: toArmJson(o.value) };
  return { resources, outputs };
}

function renderNested(
  t: DeploymentTemplate,
  g: TemplateGroup,
  deps: ReturnType<typeof resolveDeps>,
): Record<string, unknown> {
  const used = new Set<string>();
  for (const r of g.resources) {
    paramsUsed(r.name, used);
    paramsUsed(r.body, used);
    paramsUsed(r.id, used);
  }
  for (const o of g.outputs) paramsUsed(o.value, used);
  const params = t.params.filter((p) => used.has(p.name));
  const body = renderGroup(t, g, deps, true);
  const dependsOn: string[] = [
    ...(deps.groupOnTop.get(g) ?? []).map((r) => expr(r.id)),
    ...(deps.groupOnGroups.get(g) ?? []).map((h) => h.deployment),
  ];
  const declared: Record<string, unknown> = Object.fromEntries(params.map((p) => [p.name, paramDecl(p, false)]));
  const values: Record<string, unknown> = Object.fromEntries(
    params.map((p) => [p.name, { value: toArmJson(new Ex({ k: 'param', name: p.name })) }]),
  );
  if (g.live) {
    // Read in the outer scope, where the template's parameters resolve, and handed to the inner-scoped template.
    declared[g.live.param] = {
      type: 'object',
      metadata: { description: `The live properties of the existing subnet ${g.live.vnet}/${g.live.subnet}.` },
    };
    values[g.live.param] = { value: toArmJson(call('reference', g.live.id, g.live.apiVersion)) };
  }
  const template: Record<string, unknown> = {
    $schema: ARM_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: declared,
    resources: body.resources,
  };
  if (g.outputs.length > 0) template.outputs = body.outputs;
  const json: Record<string, unknown> = {
    type: 'Microsoft.Resources/deployments',
    apiVersion: DEPLOYMENTS_API_VERSION,
    name: g.deployment,
    subscriptionId: toArmJson(new Ex({ k: 'param', name: g.loc.sub.param })),
    resourceGroup: toArmJson(groupRg(t.model, g.loc)),
    properties: {
      expressionEvaluationOptions: { scope: 'inner' },
      mode: 'Incremental',
      parameters: values,
      template,
    },
  };
  if (dependsOn.length > 0) json.dependsOn = dependsOn;
  return json;
}

/**
 * The command that deploys the template, as the template's metadata (and the Bicep header) suggest it.
 * People paste it into a shell, so the plan's resource group is shell-quoted; `<…>` are placeholders.
 */
export function deployCommand(
  rg: string,
  subscription: string,
  files: { template: string; parameters: string; passwordParameter: boolean } = {
    template: 'azuredeploy.json',
    parameters: '@azuredeploy.parameters.json',
    passwordParameter: true,
  },
): string {
  const words = [
    'az deployment group create',
    // The deployment's own subscription and group are where the template's top-level resources go; the template's
    // `subscriptionId` and `resourceGroupName` parameters default to them, so that every resource ID agrees.
    ...(subscription === '' ? [] : [`--subscription ${subscription}`]),
    `--resource-group ${rg === '' ? '<resource-group>' : shellQuote(rg)}`,
    `--template-file ${files.template}`,
    `--parameters ${files.parameters}`,
  ];
  if (files.passwordParameter) words.push('--parameters administratorLoginPassword=<password>');
  return words.join(' ');
}

export function armTemplate(
  plan: Plan,
  options: ExportOptions = {},
  built?: DeploymentTemplate,
): Record<string, unknown> {
  const t = built ?? buildTemplate(buildModel(plan));
  const deps = resolveDeps(t);
  const body = renderGroup(t, t.top, deps, false);
  const errors = errorLines(options.errors);
  const metadata: Record<string, unknown> = {
    description:
      `Networking and servers of the plan "${plan.name}": Azure Database for ` +
      `PostgreSQL flexible server, ` +
      (t.model.access.mode === 'private'
        ? 'private access (VNet integration).'
        : 'public access (allowed IP addresses).'),
    deploy: deployCommand(t.model.primaryRg, t.model.primary.value),
  };
  // The plan's group for the servers, where to deploy (the template itself uses `resourceGroupName`).
  if (t.model.primaryRg !== '') metadata.resourceGroup = toArmJson(t.model.primaryRg);
  if (t.model.notes.length > 0) metadata.notes = t.model.notes;
  if (errors.length > 0) metadata.errors = errors;
  return {
    $schema: ARM_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata,
    parameters: Object.fromEntries(t.params.map((p) => [p.name, paramDecl(p, true)])),
    resources: body.resources,
    outputs: body.outputs,
  };
}

function armParameters(plan: Plan, built?: DeploymentTemplate): Record<string, unknown> {
  const t = built ?? buildTemplate(buildModel(plan));
  const values: Record<string, unknown> = {};
  for (const p of t.params) {
    if (p.type === 'securestring' || p.defaultValue === undefined || p.defaultValue instanceof Ex) continue;
    values[p.name] = { value: toArmJson(p.defaultValue) };
  }
  return { $schema: ARM_PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters: values };
}

export function armFiles(plan: Plan, options: ExportOptions = {}): ExportFile[] {
  const t = buildTemplate(buildModel(plan));
  return [
    { path: 'azuredeploy.json', contents: `${JSON.stringify(armTemplate(plan, options, t), null, 2)}\n` },
    { path: 'azuredeploy.parameters.json', contents: `${JSON.stringify(armParameters(plan, t), null, 2)}\n` },
  ];
}
