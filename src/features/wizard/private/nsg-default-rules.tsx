/**
 * Azure's default rules of one direction, read-only, under the user's rules as the portal shows them:
 * AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500 and their outbound
 * counterparts (NSG_DEFAULT_RULES, domain/nsg.ts: rules.md "Network security groups"; facts §2.4), each with
 * what it does to the declared clients.
 */
import { nsgEffectLine, type NsgEffects } from '../../../checker/nsg-effects';
import { NSG_DEFAULT_RULES } from '../../../domain/nsg';
import type { NsgRule } from '../../../domain/plan';

const any = (list: readonly string[]) => (list.join(', ') === '*' ? 'any' : list.join(', '));

export function NsgDefaultRules({
  direction,
  effects,
}: {
  direction: NsgRule['direction'];
  effects: NsgEffects | null;
}) {
  const rules = NSG_DEFAULT_RULES.filter((r) => r.direction === direction);
  return (
    <div className="nsg-defaults">
      <h4 className="nsg-defaults__title">Azure&apos;s default {direction.toLowerCase()} rules (read-only)</h4>
      <ul className="nsg-defaults__list">
        {rules.map((r) => (
          <li key={r.name} className="nsg-default">
            <span className="nsg-default__priority">{r.priority}</span>{' '}
            <span className="nsg-default__name">{r.name}</span>{' '}
            <span className={`nsg-default__access nsg-default__access--${r.access.toLowerCase()}`}>{r.access}</span>
            <span className="nsg-default__what">
              {' '}
              from {any(r.sourceAddresses)} to {any(r.destinationAddresses)}, any port, any protocol.
            </span>{' '}
            <span className="nsg-default__effect">
              {effects === null ? '' : nsgEffectLine(effects.defaults.get(r.name), direction)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
