/**
 * ARM resource IDs as the dry run's readers write them: lower-case, the subscription segment empty for the
 * deployment's own subscription and the resource group segment empty for the deployment's target group when the
 * artefact and the plan name none. Every reader builds IDs here, so that the same resource gets the same ID whatever
 * the reference (a `resourceId()` call, a Terraform `.id`, an ID string in a local).
 */
import type { StepScope } from '../exporters/steps';

/** `/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{childType}/{childName}…]`, lower-case. */
export function armResourceId(scope: StepScope, targetGroup: string, type: string, names: readonly string[]): string {
  const [namespace, ...types] = type.split('/');
  let id = `/subscriptions/${scope.subscription}/resourcegroups/${scope.resourceGroup || targetGroup}/providers/`;
  id += namespace ?? '';
  types.forEach((t, i) => {
    id += `/${t}/${names[i] ?? ''}`;
  });
  return id.toLowerCase();
}

/** The parts of a resource-group-scoped ARM resource ID; null when the text isn't one. */
export interface ParsedResourceId {
  subscription: string;
  resourceGroup: string;
  type: string;
  names: string[];
}

const ID_PATTERN = /^\/subscriptions\/([^/]*)\/resourcegroups\/([^/]*)\/providers\/([^/]+)((?:\/[^/]+\/[^/]+)+)$/i;

export function parseResourceId(id: string): ParsedResourceId | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const pairs = (m[4] as string).slice(1).split('/');
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    types.push(pairs[i] as string);
    names.push(pairs[i + 1] as string);
  }
  return {
    subscription: m[1] as string,
    resourceGroup: m[2] as string,
    type: [m[3] as string, ...types].join('/'),
    names,
  };
}

const SUBSCRIPTIONS_PREFIX = /^\/subscriptions\//i;

/**
 * A resource's identity without its subscription (type, group and names, lower-case): how the readers match a
 * resource of the artefact with the plan's existing resources, whose subscription the plan may give by name.
 */
export function resourceKey(id: string): string {
  // The ID from the `/` that ends its subscription segment (`/subscriptions/` is 15 characters): a slice rather
  // than a replace, since the Bicep reader asks for the key of every resource it reads.
  const cut = SUBSCRIPTIONS_PREFIX.test(id) ? id.indexOf('/', 15) : -1;
  return (cut < 0 ? id : id.slice(cut)).toLowerCase();
}
