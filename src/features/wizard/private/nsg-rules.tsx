/**
 * The NSG's rules as the portal shows them: inbound and outbound apart, each sorted by priority (again
 * when the user leaves a priority field, so a rule does not jump while its priority is typed), with Azure's
 * default rules read-only underneath; what each rule does to the declared clients, from the checker; add,
 * remove (the focus goes to the next rule, the previous one or the Add button) and "Add the rules high
 * availability needs".
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { nsgEffectLine, nsgEffects } from '../../../checker/nsg-effects';
import { haRulesToAdd, newNsgRule } from '../../../domain/nsg-templates';
import type { NsgRule } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { useFindings } from '../../findings/use-findings';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { useRevalidateAfterArrayChange } from './form-helpers';
import { NsgDefaultRules } from './nsg-default-rules';
import { entryFindingsByRule, rulesByDirection } from './nsg-list-model';
import { NSG_RULES, NsgRuleCard } from './nsg-rule-card';
import { ServiceTagList } from './nsg-service-tags';

const DIRECTIONS = ['Inbound', 'Outbound'] as const;
type Direction = (typeof DIRECTIONS)[number];

/** Where the focus goes after the next render: a field by plan path, or a direction's Add button. */
type FocusTarget = { path: string } | { add: Direction };

export function NsgRules({ form }: { form: PlanForm }) {
  const rules = useFieldArray({ control: form.control, name: 'access.delegatedSubnet.nsg.rules' });
  useRevalidateAfterArrayChange(form, rules.fields);
  const [status, setStatus] = useState('');
  const [sortTick, setSortTick] = useState(0);
  const tagListId = useId();
  const container = useRef<HTMLDivElement>(null);
  const addButtons = useRef<Partial<Record<Direction, HTMLButtonElement | null>>>({});
  const pendingFocus = useRef<FocusTarget | null>(null);
  const plan = usePlanner((s) => s.plan);
  const region = plan.servers[0]?.region ?? '';
  const prefix =
    (useWatch({ control: form.control, name: 'access.delegatedSubnet.prefix' }) as string | undefined) ?? '';
  const current = (): NsgRule[] => (form.getValues(fieldPath(NSG_RULES)) as NsgRule[] | undefined) ?? [];
  const nsgExists = useWatch({ control: form.control, name: 'access.delegatedSubnet.nsg.existing' }) === true;

  // Sorted when rules are added or removed, a priority is left or a direction changes; not on every keystroke.
  const sections = useMemo(
    () => rulesByDirection((form.getValues(fieldPath(NSG_RULES)) as NsgRule[] | undefined) ?? []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `sortTick` asks for a new order
    [form, rules.fields, sortTick],
  );
  const effects = useMemo(() => nsgEffects(plan), [plan]);
  const findings = useFindings();
  const entryFindings = useMemo(() => entryFindingsByRule(findings, NSG_RULES), [findings]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if ('add' in target) {
      addButtons.current[target.add]?.focus();
      return;
    }
    container.current?.querySelector<HTMLElement>(`.field[data-path="${target.path}"] :is(input, select)`)?.focus();
  }, [sections]);

  const remove = (index: number, direction: Direction) => {
    const list = sections[direction];
    const at = list.indexOf(index);
    const neighbour = list[at + 1] ?? list[at - 1];
    pendingFocus.current =
      neighbour === undefined
        ? { add: direction }
        : { path: `${NSG_RULES}.${neighbour > index ? neighbour - 1 : neighbour}.priority` };
    const name = current()[index]?.name ?? '';
    rules.remove(index);
    setStatus(`Rule ${name || index + 1} removed.`);
  };

  const add = (direction: Direction) => {
    const existing = current();
    pendingFocus.current = { path: `${NSG_RULES}.${existing.length}.name` };
    rules.append(newNsgRule(existing, direction), { shouldFocus: false });
  };

  const addHa = () => {
    const result = haRulesToAdd(current(), prefix, region);
    if (!result.ok) {
      setStatus(result.message);
      return;
    }
    if (result.added.length > 0) rules.append(result.added, { shouldFocus: false });
    const added = result.added.map((r) => `${r.name} (${r.direction.toLowerCase()}, priority ${r.priority})`);
    setStatus(
      [
        added.length > 0 ? `Added ${added.join(', ')}.` : 'Nothing to add.',
        result.alreadyPresent.length > 0 ? `Already present: ${result.alreadyPresent.join(', ')}.` : '',
        // The rules of an existing NSG describe it; the exports leave them as they are.
        added.length > 0 && nsgExists
          ? 'The NSG exists already and the exports leave its rules as they are: add these in Azure too, or untick ' +
            '"The NSG exists already" so that the exports write the NSG with them.'
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  const values = current();
  const effectOf = (index: number): string => {
    const direction = values[index]?.direction ?? 'Inbound';
    if (effects === null) return 'Not evaluated until the delegated subnet has a valid prefix.';
    return nsgEffectLine(effects.rules.get(index), direction);
  };

  return (
    <div className="nsg-rules" ref={container}>
      <ServiceTagList id={tagListId} region={region} />
      {DIRECTIONS.map((direction) => {
        const list = sections[direction];
        const title = `${direction} rules`;
        return (
          <section key={direction} className="nsg-rules__section" aria-labelledby={`${tagListId}-${direction}`}>
            <h3 className="nsg-rules__title" id={`${tagListId}-${direction}`}>
              {title} <span className="nsg-rules__count">({list.length})</span>
            </h3>
            {list.length > 0 ? (
              <ol className="nsg-rules__list" aria-label={`${title}, by priority`}>
                {list.map((i) => (
                  <NsgRuleCard
                    key={rules.fields[i]?.id ?? i}
                    form={form}
                    index={i}
                    entryFindings={entryFindings.get(i)}
                    effect={effectOf(i)}
                    tagListId={tagListId}
                    onRemove={() => remove(i, direction)}
                    onPriorityCommit={() => setSortTick((t) => t + 1)}
                    onDirectionChange={() => {
                      pendingFocus.current = { path: `${NSG_RULES}.${i}.direction` };
                      setSortTick((t) => t + 1);
                    }}
                  />
                ))}
              </ol>
            ) : (
              <p className="nsg-rules__empty">
                No {direction.toLowerCase()} rules of your own: Azure&apos;s default rules below apply.
              </p>
            )}
            <div className="button-row">
              <button
                type="button"
                className="button"
                ref={(el) => {
                  addButtons.current[direction] = el;
                }}
                onClick={() => add(direction)}
              >
                Add an {direction.toLowerCase()} rule
              </button>
            </div>
            {direction === 'Inbound' && effects !== null && effects.noPath.length > 0 ? (
              <p className="nsg-rules__note">
                Not evaluated for {effects.noPath.join(', ')}: no network path reaches the server (see Clients).
              </p>
            ) : null}
            <NsgDefaultRules direction={direction} effects={effects} />
          </section>
        );
      })}
      <p className="field__hint">
        Addresses: CIDRs, IPs, <code>*</code> or service tags (<code>VirtualNetwork</code>,{' '}
        <code>Storage.&lt;Region&gt;</code>…, suggested as you type), comma-separated. Ports: <code>*</code>,{' '}
        <code>5432</code> or <code>1000-2000</code>. Application security groups are not supported with flexible
        servers.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={addHa}>
          Add the rules high availability needs
        </button>
      </div>
      <p className="private__status" role="status">
        {status}
      </p>
    </div>
  );
}
