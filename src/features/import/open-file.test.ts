import { describe, expect, it } from 'vitest';
import { typicalPlan } from '../../domain/samples';
import { brokenBundles, hubSpokeBundle } from '../../import/testing/bundles';
import type { ArmResource } from '../../import/types';
import { serializePlanFile } from '../../share/plan-file';
import { readOpenedFile } from './open-file';

const file = (text: string) => ({ size: text.length, text: () => Promise.resolve(text) });

const bundleText = JSON.stringify(hubSpokeBundle(), null, 2);

/** The hub-and-spoke bundle with a second server beside pg-orders. */
function twoServers(): string {
  const bundle = hubSpokeBundle();
  const isServer = (r: ArmResource | readonly ArmResource[]): r is ArmResource =>
    !Array.isArray(r) && (r as ArmResource).type === 'Microsoft.DBforPostgreSQL/flexibleServers';
  const server = bundle.resources.find(isServer);
  if (server === undefined) throw new Error('the test bundle has no server');
  const other = { ...server, id: server.id.replace(/pg-orders$/, 'pg-billing'), name: 'pg-billing' };
  return JSON.stringify({ ...bundle, resources: [...bundle.resources, other] });
}

describe('readOpenedFile', () => {
  it('reads a plan file as a plan file', async () => {
    const opened = await readOpenedFile(file(serializePlanFile(typicalPlan())));
    expect(opened.kind).toBe('plan');
    expect(opened.result.ok && opened.result.plan).toEqual(typicalPlan());
  });

  it('imports an inventory bundle, and the broken one of the fixtures', async () => {
    const opened = await readOpenedFile(file(bundleText));
    expect(opened).toMatchObject({ kind: 'deployment', result: { ok: true, source: 'bundle' } });
    const broken = brokenBundles()[0];
    if (broken === undefined) throw new Error('the test bundles changed');
    const unlinked = await readOpenedFile(file(JSON.stringify(broken.bundle)));
    expect(unlinked.kind === 'deployment' && unlinked.result.ok && unlinked.result.plan.servers[0]?.name).toBe(
      'pg-orders',
    );
  });

  it('tells a cut bundle as a deployment, and a cut plan file as a plan file, both with the line', async () => {
    const cutBundle = await readOpenedFile(file(bundleText.slice(0, 300)));
    expect(cutBundle.kind).toBe('deployment');
    expect(!cutBundle.result.ok && 'message' in cutBundle.result && cutBundle.result.message).toMatch(
      /^Not valid JSON at line \d+/,
    );
    const cutPlan = await readOpenedFile(file(serializePlanFile(typicalPlan()).slice(0, 200)));
    expect(cutPlan).toMatchObject({ kind: 'plan', result: { ok: false, error: { kind: 'invalid-json' } } });
  });

  it('says that JSON which is neither a plan nor a deployment is neither', async () => {
    const opened = await readOpenedFile(file('{"hello":"world"}'));
    expect(opened.kind).toBe('plan');
    const error = !opened.result.ok && 'error' in opened.result ? opened.result.error : null;
    expect(error?.message).toContain("It isn't a deployment either");
  });

  it('lists the servers of a deployment of several, and imports the one asked for', async () => {
    const text = twoServers();
    const opened = await readOpenedFile(file(text));
    expect(opened).toMatchObject({ kind: 'deployment', result: { ok: false } });
    expect(opened.kind === 'deployment' ? opened.servers : null).toEqual(['pg-orders', 'pg-billing']);
    const chosen = await readOpenedFile(file(text), 'PG-ORDERS');
    expect(chosen.kind === 'deployment' && chosen.result.ok && chosen.result.plan.servers[0]?.name).toBe('pg-orders');
  });

  it('refuses a file past both limits without reading it', async () => {
    const opened = await readOpenedFile({
      size: 64 * 1024 * 1024,
      text: () => Promise.reject(new Error('must not be read')),
    });
    expect(opened.result.ok).toBe(false);
    expect(!opened.result.ok && 'message' in opened.result && opened.result.message).toMatch(
      /^The file is 64\.0 MB; .* It was not opened\.$/,
    );
  });
});
