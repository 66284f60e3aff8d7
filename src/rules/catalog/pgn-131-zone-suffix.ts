import { DOCS, MAX_DNS_LABEL_LENGTH, POSTGRES_ZONE_SUFFIX, suggestedZoneName } from '../../domain/azure';
import { report, type Rule } from '../rule';

const LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

export const pgn131: Rule = {
  id: 'PGN-131',
  title: `The zone name ends with .postgres.database.azure.com, each label at most ${MAX_DNS_LABEL_LENGTH} characters`,
  severity: 'error',
  docs: DOCS.private,
  source: 'seed; facts §1.4; RFC 1035 §2.3.4 (labels of at most 63 characters)',
  why:
    'Only private DNS zones whose names end with .postgres.database.azure.com can be linked to a flexible ' +
    'server, and no label of a DNS name (the parts between the dots) is longer than ' +
    `${MAX_DNS_LABEL_LENGTH} characters.`,
  fix:
    'Name the zone <something>.postgres.database.azure.com, e.g. ' +
    '<server>.private.postgres.database.azure.com (no trailing dot), with at most ' +
    `${MAX_DNS_LABEL_LENGTH} characters between two dots.`,
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const zone = plan.access.privateDnsZone;
    if (zone === null || zone.name.trim() === '') return [];
    const name = zone.name;
    const suggestion = suggestedZoneName(plan.servers[0]?.name || 'myserver');
    const path = 'access.privateDnsZone.name';
    if (name.endsWith('.')) {
      return [
        report(
          this,
          path,
          `Zone name "${name}" ends with a dot; write it without the trailing dot: ${name.replace(/\.+$/, '')}.`,
        ),
      ];
    }
    if (!name.toLowerCase().endsWith(`.${POSTGRES_ZONE_SUFFIX}`)) {
      return [
        report(
          this,
          path,
          `Zone name "${name}" does not end with .${POSTGRES_ZONE_SUFFIX}; only ` +
            `such zones can be linked to the server. Use e.g. ${suggestion}.`,
        ),
      ];
    }
    const bad = name.split('.').find((label) => !LABEL.test(label));
    if (bad !== undefined) {
      return [
        report(
          this,
          path,
          `Zone name "${name}" has ` +
            `${bad === '' ? 'an empty label (two dots in a row)' : `an invalid label "${bad}"`}; ` +
            `each label is letters, digits, hyphens and underscores. Use e.g. ${suggestion}.`,
        ),
      ];
    }
    const labels = name.split('.');
    const long = labels.find((label) => label.length > MAX_DNS_LABEL_LENGTH);
    if (long !== undefined) {
      const shorter = labels
        .map((l) => (l.length > MAX_DNS_LABEL_LENGTH ? l.slice(0, MAX_DNS_LABEL_LENGTH).replace(/-+$/, '') : l))
        .join('.');
      return [
        report(
          this,
          path,
          `Zone name "${name}" has a label of ${long.length} characters ("${long}"); each label (the part ` +
            `between two dots) has at most ${MAX_DNS_LABEL_LENGTH}. Shorten it, e.g. ${shorter}.`,
        ),
      ];
    }
    return [];
  },
};
