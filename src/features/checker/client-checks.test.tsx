import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../../checker';
import { readPlanDocument } from '../../domain/parse';
import ClientChecks from './client-checks';
import { exampleDocument } from '../../domain/testing/examples';

function hubChecks(unlinkSpoke: boolean) {
  const doc = exampleDocument('hub-and-spoke') as {
    access: { peeredVnets: { zoneLink: boolean; dns: unknown }[] };
  };
  if (unlinkSpoke) {
    // Spoke 2 resolves through Azure DNS, so its own zone link decides (with custom DNS, the servers' VNet does).
    doc.access.peeredVnets[1]!.dns = { kind: 'azure' };
    doc.access.peeredVnets[1]!.zoneLink = false;
  }
  const read = readPlanDocument(doc);
  if (!read.ok) throw new Error(read.error.message);
  return checkAllClients(read.plan);
}

describe('ClientChecks', () => {
  it('shows each verdict in words, the hops as an ordered list with status, rule ID and fix', () => {
    const html = renderToStaticMarkup(<ClientChecks checks={hubChecks(true)} onNavigate={() => undefined} />);
    expect(html).toContain('2 reachable, 0 reachable with warnings, 1 not reachable.');
    expect(html).toContain('Not reachable');
    expect(html).toContain('fails at name resolution: link the zone to vnet-spoke-2');
    expect(html.match(/<ol /g)).toHaveLength(3);
    expect(html).toContain('PGN-134');
    expect(html).toContain('What would fix it: </span>link the zone to vnet-spoke-2');
    // Exactly one fix button: the failing hop; it names its fix for screen readers.
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain('Go to the field<span class="visually-hidden"> for: link the zone to vnet-spoke-2</span>');
  });

  it('has no fix buttons without onNavigate, and opens only the non-reachable details', () => {
    const html = renderToStaticMarkup(<ClientChecks checks={hubChecks(true)} />);
    expect(html).not.toContain('<button');
    expect(html.match(/<details[^>]* open=""/g)).toHaveLength(1);
  });

  it('says so when there is nothing to check', () => {
    expect(renderToStaticMarkup(<ClientChecks checks={[]} />)).toContain('No clients to check.');
  });
});
