import { DOCS, SERVER_NAME_MAX, SERVER_NAME_MIN, SERVER_NAME_PATTERN } from '../../domain/azure';
import { report, type Rule } from '../rule';

/** A name close to the one typed that passes the rule (lowercase, other characters → hyphens). */
function suggestServerName(name: string): string {
  let s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length > SERVER_NAME_MAX) s = s.slice(0, SERVER_NAME_MAX).replace(/-+$/, '');
  if (s.length < SERVER_NAME_MIN) s = `pg-${s || 'server'}`.replace(/-+$/, '');
  return s.length < SERVER_NAME_MIN ? 'pg-server' : s;
}

function problems(name: string): string[] {
  const out: string[] = [];
  if (name.length < SERVER_NAME_MIN)
    out.push(`it has ${name.length} character${name.length === 1 ? '' : 's'} (at least ${SERVER_NAME_MIN})`);
  if (name.length > SERVER_NAME_MAX) out.push(`it has ${name.length} characters (at most ${SERVER_NAME_MAX})`);
  if (/[A-Z]/.test(name)) out.push('it has uppercase letters');
  const bad = [...new Set(name.replace(/[A-Za-z0-9-]/g, ''))];
  if (bad.length > 0) out.push(`it contains ${bad.map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ')}`);
  if (name.startsWith('-')) out.push('it starts with a hyphen');
  if (name.length > 1 && name.endsWith('-')) out.push('it ends with a hyphen');
  return out;
}

export const pgn001: Rule = {
  id: 'PGN-001',
  title: 'Server name: 3–63 lowercase letters, digits and hyphens, not starting or ending with a hyphen',
  severity: 'error',
  docs: DOCS.nameRules,
  source: 'facts §1.8',
  why: 'The server name becomes the public host name <name>.postgres.database.azure.com; Azure refuses any other form.',
  fix: 'Use 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
  check(plan) {
    return plan.servers.flatMap((server, i) => {
      if (SERVER_NAME_PATTERN.test(server.name)) return [];
      const what =
        server.name === ''
          ? 'Server name is empty'
          : `Server name "${server.name}" is not valid: ${problems(server.name).join(', ')}`;
      return [
        report(
          this,
          `servers.${i}.name`,
          `${what}. Use ` +
            `${SERVER_NAME_MIN}–${SERVER_NAME_MAX} lowercase letters, digits and ` +
            `hyphens, not starting or ending with a hyphen, e.g. ` +
            `"${suggestServerName(server.name)}".`,
        ),
      ];
    });
  },
};
