/** Test helpers: an ARM export as JSON, edited in place, and written back as the exporter's files. */
import type { ExportFile } from '../../exporters/types';

export interface ArmResource {
  type: string;
  name: string;
  location?: string;
  dependsOn?: string[];
  properties?: Record<string, unknown> & { template?: ArmTemplate; parameters?: Record<string, unknown> };
  [key: string]: unknown;
}

export interface ArmTemplate {
  parameters?: Record<string, unknown>;
  resources: ArmResource[];
  [key: string]: unknown;
}

/** Every resource of the template, nested deployments' inner ones included. */
function allResources(t: ArmTemplate): ArmResource[] {
  return t.resources.flatMap((r) => [r, ...(r.properties?.template ? allResources(r.properties.template) : [])]);
}

/** The one resource of a type whose name contains `name` (throws when there is not exactly one). */
export function resource(t: ArmTemplate, type: string, name: string): ArmResource {
  const found = allResources(t).filter((r) => r.type.toLowerCase() === type.toLowerCase() && r.name.includes(name));
  if (found.length !== 1) throw new Error(`${found.length} resources of type ${type} named like ${name}`);
  return found[0] as ArmResource;
}

/** The ARM files with `azuredeploy.json` edited. */
export function editArm(files: readonly ExportFile[], edit: (t: ArmTemplate) => void): ExportFile[] {
  return files.map((f) => {
    if (f.path !== 'azuredeploy.json') return f;
    const t = JSON.parse(f.contents) as ArmTemplate;
    edit(t);
    return { path: f.path, contents: JSON.stringify(t, null, 2) };
  });
}
