import { ALLOWED_TLS_VERSIONS, DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';
import { isAllowedTls } from './pgn-004-tls-min-version';

const order = (v: string): number => ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].indexOf(v);

export const pgn005: Rule = {
  id: 'PGN-005',
  title: 'ssl_max_protocol_version, when set, must be TLSv1.2 or TLSv1.3 and not lower than the minimum',
  severity: 'error',
  docs: DOCS.tls,
  source: 'seed; facts §1.9',
  why:
    'The maximum accepts the same values as the minimum; a maximum below the ' +
    'minimum leaves no version a client could use.',
  fix: 'Leave ssl_max_protocol_version unset, or set it to TLSv1.2 or TLSv1.3, not below ssl_min_protocol_version.',
  check(plan) {
    const { minVersion: min, maxVersion: max } = plan.tls;
    if (max === null) return [];
    if (!isAllowedTls(max)) {
      return [
        report(
          this,
          'tls.maxVersion',
          `ssl_max_protocol_version ${max} is not allowed: use ` +
            `${ALLOWED_TLS_VERSIONS.join(' or ')}, or leave it unset.`,
        ),
      ];
    }
    if (order(max) < order(min)) {
      return [
        report(
          this,
          'tls.maxVersion',
          `ssl_max_protocol_version ${max} is lower than ssl_min_protocol_version ` +
            `${min}: no TLS version would be left. Set the maximum to ${min} or ` +
            `higher, or leave it unset.`,
        ),
      ];
    }
    return [];
  },
};
