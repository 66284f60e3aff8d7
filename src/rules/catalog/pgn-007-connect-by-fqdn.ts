import { DOCS, SERVER_FQDN_SUFFIX } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

export const pgn007: Rule = {
  id: 'PGN-007',
  title: 'Clients should name the server by its FQDN, not its IP address',
  severity: 'warning',
  docs: DOCS.private,
  source: 'seed, "Host name"',
  why:
    "The server's IP address is not guaranteed to stay the same; a " +
    'connection string with the IP breaks when it changes.',
  fix: 'Use the FQDN <server>.postgres.database.azure.com as the host name.',
  check(plan) {
    const fqdn = `${plan.servers[0]?.name ?? '<server>'}.${SERVER_FQDN_SUFFIX}`;
    return plan.clients.flatMap((client, i) =>
      client.connectsByIp
        ? [
            report(
              this,
              `clients.${i}.connectsByIp`,
              `${namedAtStart('client', client.name)} connects by IP address: the server's IP is not ` +
                `guaranteed to stay the same. Use the host name ${fqdn}.`,
            ),
          ]
        : [],
    );
  },
};
