import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { planIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { named, namedAtStart } from '../names';

export const pgn113: Rule = {
  id: 'PGN-113',
  title: 'Clients outside Azure need a VPN gateway or ExpressRoute',
  severity: 'info',
  docs: DOCS.private,
  source: 'seed, "Private access"',
  why:
    'A private-access server has only a private address: clients outside ' +
    'Azure reach it only over a VPN gateway or ExpressRoute into the server ' +
    'VNet or a VNet peered with it.',
  fix: 'Connect the on-premises network by VPN or ExpressRoute, or choose public access for clients on the internet.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    const out: Finding[] = [
      report(
        this,
        'access.onPremises',
        'Clients outside Azure reach this private-access server only through a ' +
          'VPN gateway or ExpressRoute into the server VNet or a VNet peered with it.',
      ),
    ];
    const index = planIndex(plan);
    plan.clients.forEach((client, i) => {
      if (client.kind === 'internet' || client.kind === 'azureService') {
        const what = client.kind === 'internet' ? 'on the internet' : 'an Azure service without VNet integration';
        out.push(
          report(
            this,
            `clients.${i}`,
            `${namedAtStart('client', client.name)} is ${what}: a private-access server has no ` +
              `public endpoint, so it can connect only from a network joined by VPN, ` +
              `ExpressRoute or peering.`,
          ),
        );
      } else if (client.kind === 'onPremises') {
        const site = index.site(client.site)?.site;
        if (site !== undefined && site.connection === 'none') {
          out.push(
            report(
              this,
              `clients.${i}`,
              `${namedAtStart('client', client.name)} is on ${named('site', site.name)}, which is not ` +
                `connected: set up a VPN gateway or ExpressRoute into the server VNet ` +
                `(or a peered VNet).`,
            ),
          );
        }
      }
    });
    return out;
  },
};
