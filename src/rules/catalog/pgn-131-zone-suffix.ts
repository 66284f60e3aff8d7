import { DOCS, POSTGRES_ZONE_SUFFIX, suggestedZoneName } from '../../domain/azure';
import { report, type Rule } from '../rule';

const LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

export const pgn131: Rule = {
  id: 'PGN-131',
  title: 'The zone name ends with .postgres.database.azure.com',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed; facts §1.4',
  why: 'Only private DNS zones whose names end with .postgres.database.azure.com can be linked to a flexible server.',
  fix:
    'Name the zone <something>.postgres.database.azure.com, e.g. ' +
    '<server>.private.postgres.database.azure.com (no trailing dot).',
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
    return [];
  },
};
