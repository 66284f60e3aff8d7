import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { setIn } from '../../domain/paths';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { PlanSummary } from './plan-summary';

/** The summary's text, tags dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('PlanSummary with private endpoints', () => {
  it('names the third choice, the endpoints with their place, IP and approval, and the zone with its links', () => {
    const summary = text(renderToStaticMarkup(<PlanSummary plan={privateEndpointHubPlan()} />));
    expect(summary).toContain(
      'Public access (allowed IP addresses) and Private endpoint; public network access disabled',
    );
    expect(summary).toContain('pe-pg-contoso-ledger in vnet-hub/snet-private-endpoints, 10.0.1.10, automatic approval');
    expect(summary).toContain('New privatelink.postgres.database.azure.com, linked to vnet-hub');
  });
  it('says dynamic IP, and no link, when the plan says so', () => {
    let plan = setIn(privateEndpointHubPlan(), 'access.privateEndpoints.0.privateIp', '');
    plan = setIn(plan, 'access.peeredVnets.0.zoneLink', false);
    const summary = text(renderToStaticMarkup(<PlanSummary plan={plan} />));
    expect(summary).toContain('dynamic IP, automatic approval');
    expect(summary).toContain('linked to no VNet');
  });
});
