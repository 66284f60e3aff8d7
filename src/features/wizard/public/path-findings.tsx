/**
 * Findings that belong to a part of the plan rather than to one input: a whole firewall rule
 * (`access.firewallRules.2`), the rule list, a client. Fields shown with `<Field>` show their own
 * findings, so their paths are left out here to avoid saying the same thing twice.
 */
import { useMemo } from 'react';
import type { Finding } from '../../../domain/finding';
import { isUnder } from '../../../domain/paths';
import { FindingMessage } from '../../findings/finding-message';
import { useFindings } from '../../findings/use-findings';

const NONE: readonly string[] = [];

/** Findings at `path` (or, with `below`, at `path` and under it), leaving out `exclude`. */
export function usePathFindings(path: string, below = false, exclude: readonly string[] = NONE): Finding[] {
  const findings = useFindings();
  return useMemo(
    () => findings.filter((f) => (below ? isUnder(f.path, path) : f.path === path) && !exclude.includes(f.path)),
    [findings, path, below, exclude],
  );
}

export function FindingList({ findings, id }: { findings: readonly Finding[]; id?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className="field__messages path-findings" id={id}>
      {findings.map((f) => (
        <FindingMessage key={`${f.ruleId}-${f.path}-${f.message}`} finding={f} />
      ))}
    </ul>
  );
}

interface PathFindingsProps {
  /** Plan path whose findings are shown. */
  path: string;
  /** Also show findings below `path` (`clients.3.address` under `clients.3`), except `exclude`. */
  below?: boolean;
  /** Paths already shown next to their own field. */
  exclude?: readonly string[];
  id?: string;
}

export function PathFindings({ path, below = false, exclude = NONE, id }: PathFindingsProps) {
  const findings = usePathFindings(path, below, exclude);
  return <FindingList findings={findings} {...(id === undefined ? {} : { id })} />;
}
