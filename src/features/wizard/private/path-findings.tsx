/**
 * Rule findings attached to a container rather than to one input (a whole peered VNet, the NSG, a
 * rule row), shown where that container is drawn.
 */
import { useMemo } from 'react';
import { FindingMessage } from '../../findings/finding-message';
import { useFindings } from '../../findings/use-findings';

export function PathFindings({ paths }: { paths: readonly string[] }) {
  const findings = useFindings();
  const key = paths.join('|');
  const mine = useMemo(() => {
    const wanted = new Set(key.split('|'));
    return findings.filter((f) => wanted.has(f.path));
  }, [findings, key]);
  if (mine.length === 0) return null;
  return (
    <ul className="field__messages private__container-findings">
      {mine.map((f) => (
        <FindingMessage key={`${f.ruleId}-${f.path}-${f.message}`} finding={f} />
      ))}
    </ul>
  );
}
