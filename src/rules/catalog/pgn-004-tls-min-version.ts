import { ALLOWED_TLS_VERSIONS, DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const isAllowedTls = (v: string): boolean => (ALLOWED_TLS_VERSIONS as readonly string[]).includes(v);

export const pgn004: Rule = {
  id: 'PGN-004',
  title: 'ssl_min_protocol_version must be TLSv1.2 or TLSv1.3',
  severity: 'error',
  docs: DOCS.tls,
  source: 'seed, TLS section; facts §1.9',
  why:
    'Azure supports TLS 1.2 and later; TLS 1.0 and 1.1 are deprecated (RFC ' +
    '8996) and connections using them are denied.',
  fix: 'Set ssl_min_protocol_version to TLSv1.2 (the default) or TLSv1.3.',
  check(plan) {
    const v = plan.tls.minVersion;
    if (isAllowedTls(v)) return [];
    return [
      report(
        this,
        'tls.minVersion',
        `ssl_min_protocol_version ${v} is not allowed: Azure accepts only ` +
          `${ALLOWED_TLS_VERSIONS.join(' or ')} (TLS 1.0 and 1.1 are deprecated by ` +
          `RFC 8996). Use TLSv1.2.`,
      ),
    ];
  },
};
