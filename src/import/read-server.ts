/**
 * The server itself: which one to import, its fields in the plan, its TLS parameters and, for a server with public
 * access, its firewall rules.
 */
import {
  AVAILABILITY_ZONES,
  AZURE_SERVICES_RULE_IP,
  DEFAULT_POSTGRES_VERSION,
  HA_MODES,
  POSTGRES_VERSIONS,
} from '../domain/azure';
import { TlsVersionSchema, type FirewallRule, type Server, type Tls, type TlsVersion } from '../domain/plan';
import { normalizeRegion } from '../domain/regions';
import { parseArmId } from './arm-id';
import { T } from './arm-types';
import { isRecord, oneOf, props, str, type Reading } from './reading';
import { shapeProblem } from './shape';
import type { ArmResource } from './types';

const SERVER_TYPE_SHOWN = 8;

/**
 * The server to import: the only one, or the one named in the options; otherwise why there is none to import, naming
 * the types of `all` the resources the input holds (those skipped as unreadable too).
 */
export function pickServer(
  reading: Reading,
  all: readonly ArmResource[],
  wanted: string | undefined,
): ArmResource | string {
  const servers = reading.ofType(T.server);
  if (servers.length === 0) {
    const types = [...new Set(all.map((r) => r.type))];
    const shown = types.slice(0, SERVER_TYPE_SHOWN).join(', ') + (types.length > SERVER_TYPE_SHOWN ? ', …' : '');
    return (
      `The input holds no flexible server (${T.server})` +
      (types.length > 0 ? `; it holds ${shown}.` : '.') +
      ' Collect the server too (the inventory script does).'
    );
  }
  const names = servers.map((s) => s.name).join(', ');
  const chosen =
    wanted === undefined
      ? servers.length === 1
        ? servers[0]
        : undefined
      : servers.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (chosen === undefined)
    return wanted === undefined
      ? `The input holds ${servers.length} servers (${names}): say which to import.`
      : `The input holds no server named "${wanted}"; it holds ${names}.`;
  const problem = shapeProblem(chosen);
  return problem === null ? chosen : `Server ${chosen.name} can't be read: ${problem}`;
}

const zone = (v: unknown): Server['availabilityZone'] => oneOf(AVAILABILITY_ZONES, v) ?? '';

/** The plan's server: name, region, version, high availability and zones, resource group and subscription. */
export function serverOf(reading: Reading, server: ArmResource): Server {
  reading.mark('servers.0', server.id);
  const p = props(server);
  const ha = isRecord(p.highAvailability) ? p.highAvailability : {};
  const version = str(p.version);
  const known = oneOf(POSTGRES_VERSIONS, version);
  if (known === undefined)
    reading.warn(
      `Server ${server.name} runs PostgreSQL ${version || '(no version given)'}, which the planner doesn't list; ` +
        `the plan shows ${DEFAULT_POSTGRES_VERSION}.`,
    );
  const mode = oneOf(HA_MODES, ha.mode);
  if (mode === undefined && str(ha.mode) !== '')
    reading.warn(
      `Server ${server.name}'s high availability "${str(ha.mode)}" is not one the planner knows: the plan ` +
        'shows it disabled.',
    );
  const parts = parseArmId(server.id);
  return {
    name: server.name,
    region: normalizeRegion(str(server.location)),
    version: known ?? DEFAULT_POSTGRES_VERSION,
    highAvailability: mode ?? 'Disabled',
    availabilityZone: zone(p.availabilityZone),
    standbyAvailabilityZone: mode === 'ZoneRedundant' ? zone(ha.standbyAvailabilityZone) : '',
    resourceGroup: parts?.resourceGroup ?? '',
    subscription: parts?.subscription ?? '',
  };
}

/**
 * The server parameters the plan's TLS settings are, and Azure's default of each when the input doesn't hold it:
 * require_secure_transport `on`, ssl_min_protocol_version `TLSv1.2`, ssl_max_protocol_version unset (facts §1.9).
 */
const TLS_PARAMETERS = {
  requireSecureTransport: 'require_secure_transport',
  minVersion: 'ssl_min_protocol_version',
  maxVersion: 'ssl_max_protocol_version',
} as const;
const TLS_DEFAULTS: Tls = { requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null };

/** A TLS version parameter's value as the plan holds it: unset is `fallback`, an unknown value too (and said). */
function tlsVersion<F extends TlsVersion | null>(
  reading: Reading,
  what: string,
  value: string | null,
  fallback: F,
): TlsVersion | F {
  if (value === null || value === '') return fallback;
  const known = oneOf(TlsVersionSchema.options, value);
  if (known === undefined)
    reading.warn(`${what} is "${value}", which the planner doesn't know; the plan shows ${fallback ?? 'it unset'}.`);
  return known ?? fallback;
}

export function tlsOf(reading: Reading, server: ArmResource): Tls {
  const configurations = reading.childrenOf(server.id, T.configuration);
  const value = (field: keyof Tls): string | null => {
    const c = configurations.find((r) => r.name.toLowerCase() === TLS_PARAMETERS[field]);
    if (c === undefined) return null;
    reading.mark(`tls.${field}`, c.id);
    return str(props(c).value);
  };
  const what = (field: keyof Tls) => `Server ${server.name}'s ${TLS_PARAMETERS[field]}`;
  const secure = value('requireSecureTransport');
  return {
    requireSecureTransport: secure === null ? TLS_DEFAULTS.requireSecureTransport : secure.toLowerCase() !== 'off',
    minVersion: tlsVersion(reading, what('minVersion'), value('minVersion'), TLS_DEFAULTS.minVersion),
    maxVersion: tlsVersion(reading, what('maxVersion'), value('maxVersion'), TLS_DEFAULTS.maxVersion),
  };
}

/** The server's firewall rules; the 0.0.0.0–0.0.0.0 rule is "allow Azure services" (facts §1.7), not a rule. */
export function firewallOf(reading: Reading, server: ArmResource): { rules: FirewallRule[]; azureServices: boolean } {
  const rules: FirewallRule[] = [];
  let azureServices = false;
  for (const r of reading.childrenOf(server.id, T.firewallRule)) {
    reading.get(r.id);
    const start = str(props(r).startIpAddress);
    const end = str(props(r).endIpAddress);
    if (start === AZURE_SERVICES_RULE_IP && end === AZURE_SERVICES_RULE_IP) {
      azureServices = true;
      reading.mark('access.allowAzureServices', r.id);
    } else {
      reading.mark(`access.firewallRules.${rules.length}`, r.id);
      rules.push({ name: r.name, startIp: start, endIp: end });
    }
  }
  return { rules, azureServices };
}
