/**
 * Hop 4, transport: TLS required (`require_secure_transport`) and the client's newest TLS version
 * against the server's minimum and maximum. Azure denies TLS 1.0 and 1.1 whatever the setting says
 * (PGN-004), so the effective minimum is never below TLS 1.2.
 */
import { ALLOWED_TLS_VERSIONS } from '../domain/azure';
import type { Client, Tls, TlsVersion } from '../domain/plan';
import type { Hop } from './types';

const ORDER: Readonly<Record<TlsVersion, number>> = { TLSv1: 0, 'TLSv1.1': 1, 'TLSv1.2': 2, 'TLSv1.3': 3 };
const BY_ORDER: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const LOWEST_ALLOWED = ORDER[ALLOWED_TLS_VERSIONS[0]];
const HIGHEST = ORDER['TLSv1.3'];

const transportHop = (h: Omit<Hop, 'kind'>): Hop => ({ kind: 'transport', ...h });
const label = (order: number): string => BY_ORDER[order] ?? 'TLSv1.3';

export function transportHops(tls: Tls, client: Client, clientPath: string): Hop[] {
  const min = Math.max(ORDER[tls.minVersion], LOWEST_ALLOWED);
  const max = tls.maxVersion === null ? HIGHEST : ORDER[tls.maxVersion];
  const minNote =
    ORDER[tls.minVersion] < LOWEST_ALLOWED
      ? ` (ssl_min_protocol_version says ${tls.minVersion}, but Azure denies TLS 1.0 and 1.1)`
      : '';
  const accepted = max === min ? label(min) : `${label(min)} to ${label(max)}`;
  const clientVersion = ORDER[client.tlsVersion];
  if (max < min) {
    return [
      transportHop({
        status: 'fail',
        title: 'TLS versions',
        detail:
          `ssl_max_protocol_version (${label(max)}) is below the minimum ` +
          `${label(min)}${minNote}: the server accepts no TLS version at all.`,
        ruleId: 'PGN-005',
        fix: 'set ssl_max_protocol_version to TLSv1.3, or leave it unset',
        path: 'tls.maxVersion',
      }),
    ];
  }
  if (clientVersion < min) {
    if (!tls.requireSecureTransport) {
      return [
        transportHop({
          status: 'warn',
          title: 'TLS versions',
          detail:
            `The client speaks at most ${client.tlsVersion}; the server accepts ` +
            `${accepted}${minNote}. It connects only because ` +
            'require_secure_transport is OFF, so its traffic travels unencrypted.',
          ruleId: 'PGN-006',
          fix: `upgrade the client to ${label(min)} or later, then turn require_secure_transport back on`,
          path: `${clientPath}.tlsVersion`,
        }),
      ];
    }
    return [
      transportHop({
        status: 'fail',
        title: 'TLS versions',
        detail:
          `The client speaks at most ${client.tlsVersion}; the server accepts ` +
          `${accepted}${minNote}. TLS 1.0 and 1.1 connections are denied.`,
        ruleId: 'PGN-004',
        fix: `upgrade the client to ${label(min)} or later`,
        path: `${clientPath}.tlsVersion`,
      }),
    ];
  }
  const negotiated = label(Math.min(clientVersion, max));
  if (!tls.requireSecureTransport) {
    return [
      transportHop({
        status: 'warn',
        title: 'TLS not enforced',
        detail:
          `require_secure_transport is OFF: the client may use ${negotiated}, but ` +
          `the server also accepts unencrypted connections.`,
        ruleId: 'PGN-006',
        fix: 'turn require_secure_transport on',
        path: 'tls.requireSecureTransport',
      }),
    ];
  }
  return [
    transportHop({
      status: 'pass',
      title: 'TLS',
      detail:
        `TLS is required; the server accepts ${accepted}${minNote} and the ` +
        `client (up to ${client.tlsVersion}) negotiates ${negotiated}.`,
      ruleId: 'PGN-004',
    }),
  ];
}
