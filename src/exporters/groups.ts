/** Dependencies between the groups of a deployment template (top level, nested deployments/modules). */
import type { DeploymentTemplate, TemplateGroup, TemplateResource } from './template';

export interface ResolvedDeps {
  /** Per resource symbol: dependencies inside its own group (symbols). */
  internal: Map<string, string[]>;
  /** Per resource symbol in the top group: nested groups it waits for. */
  topOnGroups: Map<string, TemplateGroup[]>;
  /** Per nested group: top-level resources and other nested groups it waits for. */
  groupOnTop: Map<TemplateGroup, TemplateResource[]>;
  groupOnGroups: Map<TemplateGroup, TemplateGroup[]>;
  bySym: Map<string, { resource: TemplateResource; group: TemplateGroup }>;
}

const pushUnique = <T>(list: T[], item: T) => {
  if (!list.includes(item)) list.push(item);
};

export function resolveDeps(t: DeploymentTemplate): ResolvedDeps {
  const bySym = new Map<string, { resource: TemplateResource; group: TemplateGroup }>();
  for (const group of [t.top, ...t.nested])
    for (const resource of group.resources) bySym.set(resource.sym, { resource, group });
  const internal = new Map<string, string[]>();
  const topOnGroups = new Map<string, TemplateGroup[]>();
  const groupOnTop = new Map<TemplateGroup, TemplateResource[]>();
  const groupOnGroups = new Map<TemplateGroup, TemplateGroup[]>();
  for (const group of [t.top, ...t.nested]) {
    for (const r of group.resources) {
      const own: string[] = [];
      for (const d of r.deps) {
        const target = bySym.get(d);
        if (!target) continue;
        if (target.group === group) pushUnique(own, d);
        else if (group === t.top) {
          const list = topOnGroups.get(r.sym) ?? [];
          pushUnique(list, target.group);
          topOnGroups.set(r.sym, list);
        } else if (target.group === t.top) {
          const list = groupOnTop.get(group) ?? [];
          pushUnique(list, target.resource);
          groupOnTop.set(group, list);
        } else {
          const list = groupOnGroups.get(group) ?? [];
          pushUnique(list, target.group);
          groupOnGroups.set(group, list);
        }
      }
      internal.set(r.sym, own);
    }
  }
  return { internal, topOnGroups, groupOnTop, groupOnGroups, bySym };
}
