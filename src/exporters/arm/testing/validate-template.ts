/**
 * Test support: validation of an ARM export against Microsoft's schemas (`../schemas/`, by resource type and API
 * version, see its README), every nested deployment's inner resources included; a nested deployment, for which no
 * schema is shipped, is checked for the shape ARM requires of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { DEPLOYMENTS_API_VERSION } from '../../../domain/azure';

const schemaDir = fileURLToPath(new URL('../schemas/', import.meta.url));
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
const fileOf: Record<string, string> = {};
for (const dir of readdirSync(schemaDir, { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  for (const f of readdirSync(join(schemaDir, dir.name))) {
    const schema = JSON.parse(readFileSync(join(schemaDir, dir.name, f), 'utf8')) as { id: string };
    ajv.addSchema(schema);
    fileOf[`${dir.name}/${f}`] = schema.id;
  }
}

/** The schema file of a resource type and API version (README: validate by type + apiVersion). */
function schemaRef(type: string, apiVersion: string): string {
  const [namespace, ...rest] = type.split('/');
  const file =
    namespace === 'Microsoft.DBforPostgreSQL'
      ? `${apiVersion}/Microsoft.DBforPostgreSQL.json`
      : rest[0] === 'privateDnsZones'
        ? `${apiVersion}/Microsoft.Network.privateDns.json`
        : `${apiVersion}/Microsoft.Network.NRP.json`;
  const id = fileOf[file];
  if (!id) throw new Error(`no schema copied for ${type}@${apiVersion} (${file})`);
  return `${id}/resourceDefinitions/${rest.join('_')}`;
}

export interface Resource {
  type: string;
  apiVersion: string;
  name: string;
  dependsOn?: string[];
  properties?: { template?: { resources: Resource[] } };
  [key: string]: unknown;
}

/** Every resource, nested deployments' inner resources included. */
export function allResources(resources: Resource[]): Resource[] {
  return resources.flatMap((r) =>
    r.type === 'Microsoft.Resources/deployments' ? [r, ...allResources(r.properties?.template?.resources ?? [])] : [r],
  );
}

export function validateTemplate(template: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const r of allResources(template.resources as Resource[])) {
    if (r.type === 'Microsoft.Resources/deployments') {
      // No schema for Microsoft.Resources is shipped; check the shape ARM requires of a nested deployment.
      if (r.apiVersion !== DEPLOYMENTS_API_VERSION) problems.push(`${r.name}: apiVersion ${r.apiVersion}`);
      const p = r.properties as Record<string, unknown>;
      if (p.mode !== 'Incremental') problems.push(`${r.name}: mode`);
      if ((p.expressionEvaluationOptions as { scope?: string }).scope !== 'inner') problems.push(`${r.name}: scope`);
      if (typeof r.resourceGroup !== 'string' || typeof r.subscriptionId !== 'string')
        problems.push(`${r.name}: target`);
      continue;
    }
    const validate = ajv.getSchema(schemaRef(r.type, r.apiVersion));
    if (!validate) {
      problems.push(`${r.type}: schema not found`);
      continue;
    }
    if (!validate(r)) problems.push(`${r.type} ${r.name}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}
