/**
 * Bicep export: `main.bicep`, `main.bicepparam`, and one module per resource group the
 * deployment reaches outside its own (`modules/<name>.bicep`), from the same template model as
 * the ARM export.
 */
import type { Plan } from '../../domain/plan';
import { deployCommand } from '../arm/index';
import { bicepString } from '../escape';
import { resolveDeps, type ResolvedDeps } from '../groups';
import { commentBlock, errorLines } from '../header';
import { Ex, paramsUsed, renderBicepExpr, toBicep, type Val } from '../ir';
import { buildModel } from '../model';
import {
  buildTemplate,
  groupRg,
  type DeploymentTemplate,
  type LiveSubnet,
  type TemplateGroup,
  type TemplateParam,
  type TemplateResource,
} from '../template';
import type { ExportFile, ExportOptions } from '../types';

function paramDecl(p: TemplateParam, withDefault: boolean): string {
  const lines = [`@description(${bicepString(p.description)})`];
  if (p.type === 'securestring') lines.push('@secure()');
  if (p.allowedValues) lines.push(`@allowed(${toBicep(p.allowedValues)})`);
  const type = p.type === 'int' ? 'int' : 'string';
  const def = withDefault && p.defaultValue !== undefined ? ` = ${toBicep(p.defaultValue)}` : '';
  lines.push(`param ${p.name} ${type}${def}`);
  return lines.join('\n');
}

function resourceDecl(r: TemplateResource, dependsOn: readonly string[]): string {
  let out = `resource ${r.sym} '${r.type}@${r.apiVersion}' = {\n  name: ${toBicep(r.name, 1)}`;
  for (const k of Object.keys(r.body)) out += `\n  ${k}: ${toBicep(r.body[k] as Val, 1)}`;
  if (dependsOn.length > 0) {
    out += '\n  dependsOn: [';
    for (const d of dependsOn) out += `\n    ${d}`;
    out += '\n  ]';
  }
  return `${out}\n}`;
}

function usedParams(t: DeploymentTemplate, g: TemplateGroup): TemplateParam[] {
  const used = new Set<string>();
  for (const r of g.resources) {
    paramsUsed(r.name, used);
    paramsUsed(r.body, used);
    paramsUsed(r.id, used);
  }
  for (const o of g.outputs) paramsUsed(o.value, used);
  return t.params.filter((p) => used.has(p.name));
}

/**
 * The existing subnet, read where it lives, whose properties the module writes back with the plan's changes; its VNet
 * is declared once (`vnetDeclared`), however many of its subnets are read.
 */
function liveDecl(t: DeploymentTemplate, g: TemplateGroup, vnetDeclared: Set<string>): string {
  const live = g.live as LiveSubnet;
  const syms = live.syms;
  const scope = `resourceGroup(${live.loc.sub.param}, ${renderBicepExpr(toExpr(groupRg(t.model, live.loc)).node)})`;
  const subnet =
    `resource ${syms.subnet} 'Microsoft.Network/virtualNetworks/subnets@${live.apiVersion}' existing = {\n` +
    `  parent: ${syms.vnet}\n  name: ${bicepString(live.subnet)}\n}`;
  if (vnetDeclared.has(syms.vnet)) return subnet;
  vnetDeclared.add(syms.vnet);
  return (
    `resource ${syms.vnet} 'Microsoft.Network/virtualNetworks@${live.apiVersion}' existing = {\n` +
    `  name: ${bicepString(live.vnet)}\n  scope: ${scope}\n}\n\n${subnet}`
  );
}

/** The module's parameter that takes the live subnet's properties. */
const liveParamDecl = (live: LiveSubnet): string =>
  `@description(${bicepString(`The live properties of the existing subnet ${live.vnet}/${live.subnet}.`)})\n` +
  `param ${live.param} object`;

const toExpr = (v: Ex | string): Ex => (typeof v === 'string' ? new Ex({ k: 'str', value: v }) : v);

function moduleDecl(t: DeploymentTemplate, g: TemplateGroup, deps: ResolvedDeps): string {
  const params = usedParams(t, g);
  const rg = renderBicepExpr(toExpr(groupRg(t.model, g.loc)).node);
  const lines = [`  name: ${bicepString(g.deployment)}`, `  scope: resourceGroup(${g.loc.sub.param}, ${rg})`];
  const values = params.map((p) => `    ${p.name}: ${p.name}`);
  if (g.live) values.push(`    ${g.live.param}: ${g.live.syms.subnet}.properties`);
  if (values.length > 0) lines.push(`  params: {\n${values.join('\n')}\n  }`);
  const dependsOn = [
    ...(deps.groupOnTop.get(g) ?? []).map((r) => r.sym),
    ...(deps.groupOnGroups.get(g) ?? []).map((h) => h.sym),
  ];
  if (dependsOn.length > 0) lines.push(`  dependsOn: [\n${dependsOn.map((d) => `    ${d}`).join('\n')}\n  ]`);
  return `module ${g.sym} 'modules/${g.deployment}.bicep' = {\n${lines.join('\n')}\n}`;
}

function header(t: DeploymentTemplate, options: ExportOptions, extra: string[]): string {
  const lines = [
    ...errorLines(options.errors),
    ...(errorLines(options.errors).length > 0 ? [''] : []),
    ...extra,
    ...t.model.notes.map((n) => `Note: ${n}`),
  ];
  return commentBlock('//', lines);
}

export function bicepFiles(plan: Plan, options: ExportOptions = {}): ExportFile[] {
  const t = buildTemplate(buildModel(plan));
  const deps = resolveDeps(t);
  const parts: string[] = [
    header(t, options, [
      `Plan "${plan.name}": Azure Database for PostgreSQL flexible server, ` +
        (t.model.access.mode === 'private'
          ? 'private access (VNet integration).'
          : 'public access (allowed IP addresses).'),
      `Deploy: ${deployCommand(t.model.primaryRg, t.model.primary.value, {
        template: 'main.bicep',
        parameters: 'main.bicepparam',
        passwordParameter: false,
      })} (set PGADMIN_PASSWORD first)`,
    ]),
    t.params.map((p) => paramDecl(p, true)).join('\n\n'),
  ];
  // The plan's group for the servers, where to deploy (the template itself uses `resourceGroupName`).
  if (t.model.primaryRg !== '') parts.splice(1, 0, `metadata resourceGroup = ${bicepString(t.model.primaryRg)}`);
  const topBySym = new Map(t.top.resources.map((r) => [r.sym, r]));
  const vnetDeclared = new Set<string>();
  for (const item of t.order) {
    if (typeof item === 'string') {
      const r = topBySym.get(item) as TemplateResource;
      const dependsOn = [...(deps.internal.get(r.sym) ?? []), ...(deps.topOnGroups.get(r.sym) ?? []).map((g) => g.sym)];
      parts.push(resourceDecl(r, dependsOn));
    } else {
      if (item.live) parts.push(liveDecl(t, item, vnetDeclared));
      parts.push(moduleDecl(t, item, deps));
    }
  }
  parts.push(t.outputs.map((o) => `output ${o.name} string = ${renderBicepExpr(o.value.node)}`).join('\n'));
  const files: ExportFile[] = [{ path: 'main.bicep', contents: `${parts.join('\n\n')}\n` }];

  const values = t.params
    .filter((p) => p.type !== 'securestring' && p.defaultValue !== undefined && !(p.defaultValue instanceof Ex))
    .map((p) => `param ${p.name} = ${toBicep(p.defaultValue as string | number)}`);
  const paramsTitle = `Parameters of main.bicep for the plan "${plan.name}".`;
  files.push({
    path: 'main.bicepparam',
    contents: `${header(t, options, [paramsTitle])}\nusing 'main.bicep'\n\n${[
      ...values,
      `param administratorLoginPassword = readEnvironmentVariable('PGADMIN_PASSWORD')`,
    ].join('\n')}\n`,
  });

  for (const g of t.nested) {
    const moduleParts: string[] = [
      header(t, options, [
        `Module ${g.deployment} of the plan "${plan.name}": deployed to resource ` +
          `group ${g.loc.rg || "(the deployment's)"}.`,
      ]),
      [...usedParams(t, g).map((p) => paramDecl(p, false)), ...(g.live ? [liveParamDecl(g.live)] : [])].join('\n\n'),
      ...g.resources.map((r) => resourceDecl(r, deps.internal.get(r.sym) ?? [])),
    ];
    if (g.outputs.length > 0)
      moduleParts.push(g.outputs.map((o) => `output ${o.name} string = ${renderBicepExpr(o.value.node)}`).join('\n'));
    files.push({
      path: `modules/${g.deployment}.bicep`,
      contents: `${moduleParts.filter((p) => p !== '').join('\n\n')}\n`,
    });
  }
  return files;
}
