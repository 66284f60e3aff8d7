import { DOCS, SERVER_FQDN_SUFFIX, SERVER_NAME_MAX } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { report, type Rule } from '../rule';

export const pgn011: Rule = {
  id: 'PGN-011',
  title: 'Two servers in one plan never share a name',
  severity: 'error',
  docs: DOCS.nameRules,
  source: 'facts §1.8',
  why:
    `Server names are global: each becomes the host name <name>.${SERVER_FQDN_SUFFIX}, so a second server ` +
    'with the same name cannot be created (and the plan could not tell the two apart).',
  fix: 'Give every server its own name (names are compared without regard to case, as DNS names are).',
  check(plan) {
    const first = new Map<string, number>();
    const out: Finding[] = [];
    let taken: Set<string> | null = null;
    /** `<name>-<n>` that no server of the plan uses, within the server name's length. */
    const freeName = (key: string, from: number): string => {
      taken ??= new Set(plan.servers.map((s) => s.name.toLowerCase()));
      for (let n = from; ; n += 1) {
        const suffix = `-${n}`;
        const candidate = `${key.slice(0, SERVER_NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
        if (!taken.has(candidate)) return candidate;
      }
    };
    plan.servers.forEach((server, i) => {
      // An empty name is PGN-001's to report.
      if (server.name === '') return;
      const key = server.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, i);
        return;
      }
      out.push(
        report(
          this,
          `servers.${i}.name`,
          `Server name "${server.name}" is already used by server ${earlier + 1} ` +
            `("${plan.servers[earlier]?.name ?? ''}"): server names are global, both would be ` +
            `${key}.${SERVER_FQDN_SUFFIX}. Rename it, e.g. "${freeName(key, i + 1)}".`,
        ),
      );
    });
    return out;
  },
};
