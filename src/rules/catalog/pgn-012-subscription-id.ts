import { DOCS, SUBSCRIPTION_ID } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { report, type Rule } from '../rule';

/** How to find a subscription's ID from its name, for the message and the docs. */
const HOW_TO_FIND =
  'find it with az account show --subscription NAME --query id -o tsv, ' +
  "or on the portal's Subscriptions blade (Subscription ID column)";

export const pgn012: Rule = {
  id: 'PGN-012',
  title: 'A subscription that a resource ID is built from is a subscription ID (a GUID)',
  severity: 'error',
  docs: DOCS.subscriptionId,
  source: 'Azure resource IDs (/subscriptions/{subscriptionId}/…); Microsoft Learn, "Get subscription and tenant IDs"',
  why:
    'The exports build resource IDs (/subscriptions/<id>/resourceGroups/…) and Terraform provider settings from ' +
    "the plan's subscriptions; Azure accepts only the subscription ID there, a GUID, never the subscription's name.",
  fix:
    'Give the subscription ID (8-4-4-4-12 hexadecimal digits) instead of the name: ' +
    `${HOW_TO_FIND}. Leave the field empty for the deployment's own subscription.`,
  check(plan) {
    const out: Finding[] = [];
    const check = (value: string, path: string, what: string) => {
      if (value === '' || SUBSCRIPTION_ID.test(value)) return;
      out.push(
        report(
          this,
          path,
          `The subscription of ${what} is "${value}", not a subscription ID (a GUID such as ` +
            `00000000-0000-0000-0000-000000000000): resource IDs need the ID, never the name. ` +
            `${HOW_TO_FIND.charAt(0).toUpperCase()}${HOW_TO_FIND.slice(1)}.`,
        ),
      );
    };
    plan.servers.forEach((s, i) => check(s.subscription, `servers.${i}.subscription`, `server ${s.name}`));
    if (plan.access.mode === 'private') {
      const zone = plan.access.privateDnsZone;
      if (zone) check(zone.subscription, 'access.privateDnsZone.subscription', `the private DNS zone ${zone.name}`);
      plan.access.peeredVnets.forEach((v, i) =>
        check(v.subscription, `access.peeredVnets.${i}.subscription`, `the peered VNet ${v.name}`),
      );
    }
    return out;
  },
};
