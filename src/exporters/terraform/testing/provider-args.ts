/**
 * Test support: the azurerm argument check of the Terraform export. Every resource type, argument and nested block the
 * configuration writes must be in the vendored provider reference (`../azurerm-networking-args.json`, per provider
 * major: the 4.x link and subnet variants included), with every required argument present; provider blocks are
 * checked against the provider's own arguments. The configuration is read with hcl2json, as Terraform would parse it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import type { ExportFile, ProviderMajor } from '../../types';

interface ArgSpec {
  required: string[];
  optional: string[];
  blocks: Record<string, BlockSpec>;
  required_v4?: string[];
  optional_v4_only?: string[];
}
interface BlockSpec {
  required: string[];
  optional?: string[];
  blocks?: Record<string, BlockSpec>;
}
const ARGS = JSON.parse(readFileSync(new URL('../azurerm-networking-args.json', import.meta.url), 'utf8')) as Record<
  string,
  ArgSpec
>;
/** Terraform meta-arguments, valid on every resource. */
const META = ['provider', 'depends_on', 'count', 'for_each', 'lifecycle'];

export type Json = Record<string, unknown>;

/** hcl2json of every .tf file. */
export async function parseAll(files: ExportFile[]): Promise<Record<string, Json>> {
  const out: Record<string, Json> = {};
  for (const f of files) if (f.path.endsWith('.tf')) out[f.path] = (await parse(f.path, f.contents)) as Json;
  return out;
}

/** Arguments and blocks not in the reference (v4 link/subnet variants included per major). */
function unknownArgs(type: string, body: Json, major: ProviderMajor): string[] {
  const spec = ARGS[type];
  if (!spec) return [`resource type ${type}`];
  const allowed = new Set([
    ...META,
    ...spec.optional,
    ...(major === 4 ? [...(spec.required_v4 ?? spec.required), ...(spec.optional_v4_only ?? [])] : spec.required),
  ]);
  const problems: string[] = [];
  const checkBlock = (
    where: string,
    content: Json,
    blockSpec: BlockSpec | undefined,
    topAllowed: Set<string>,
    blocks: Record<string, BlockSpec>,
  ) => {
    for (const [key, value] of Object.entries(content)) {
      if (blocks[key]) {
        for (const inner of value as Json[]) {
          const b = blocks[key];
          checkBlock(`${where}.${key}`, inner, b, new Set([...b.required, ...(b.optional ?? [])]), b.blocks ?? {});
        }
      } else if (!topAllowed.has(key)) problems.push(`${where}.${key}`);
    }
    if (blockSpec) for (const r of blockSpec.required) if (!(r in content)) problems.push(`${where}: missing ${r}`);
  };
  checkBlock(type, body, undefined, allowed, spec.blocks);
  const required = major === 4 ? (spec.required_v4 ?? spec.required) : spec.required;
  for (const r of required) if (!(r in body)) problems.push(`${type}: missing ${r}`);
  return problems;
}

export async function checkArgs(files: ExportFile[], major: ProviderMajor): Promise<string[]> {
  const parsed = await parseAll(files);
  const problems: string[] = [];
  for (const json of Object.values(parsed)) {
    const resources = (json.resource ?? {}) as Record<string, Record<string, Json[]>>;
    for (const [type, byName] of Object.entries(resources)) {
      for (const [name, bodies] of Object.entries(byName))
        for (const body of bodies) problems.push(...unknownArgs(type, body, major).map((p) => `${name}: ${p}`));
    }
    // Provider blocks, against the provider's own arguments (`alias` is a meta-argument of every provider block).
    const providers = (json.provider ?? {}) as Record<string, Json[]>;
    const spec = ARGS.provider!;
    const allowed = new Set(['alias', ...spec.required, ...(spec.optional ?? []), ...Object.keys(spec.blocks ?? {})]);
    for (const body of providers.azurerm ?? []) {
      for (const key of Object.keys(body)) if (!allowed.has(key)) problems.push(`provider azurerm: ${key}`);
      for (const r of spec.required) if (!(r in body)) problems.push(`provider azurerm: missing ${r}`);
    }
  }
  return problems;
}

/** Whether a `terraform` binary is on the PATH (then `terraform fmt -check` runs too). */
export const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

/** `terraform fmt -check` of the files: '' when clean, else its diff. */
export function fmtCheck(files: ExportFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-export-'));
  try {
    for (const f of files) writeFileSync(join(dir, f.path.replace(/\.example$/, '')), f.contents);
    const run = spawnSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8' });
    return run.status === 0 ? '' : `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
