import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn101: Rule = {
  id: 'PGN-101',
  title: 'The server VNet must be in the same region as the server',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, "Virtual network concepts"',
  why: 'A flexible server can only be injected into a VNet of its own region; Azure refuses a VNet elsewhere.',
  fix: "Put the VNet in the server's region, or move the server to the VNet's region.",
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const vnet = plan.access.vnet;
    return plan.servers.flatMap((server) =>
      server.region.toLowerCase() === vnet.region.toLowerCase()
        ? []
        : [
            report(
              this,
              'access.vnet.region',
              `${namedAtStart('VNet', vnet.name)} is in ${vnet.region || '(no region)'} but server ` +
                `"${server.name}" is in ${server.region || '(no region)'}: the VNet must ` +
                `be in the server's region. Use ${server.region} for the VNet.`,
            ),
          ],
    );
  },
};
