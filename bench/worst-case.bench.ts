/**
 * The worst case (spec/budgets.md, growth row): the largest plan Azure accepts (3,000 subnets in the
 * server VNet, 500 peerings on the server VNet and on a hub, 1,000 NSG rules, and the planner's own
 * limits: 1,000 firewall rules, 1,000 clients) and its adversarial versions (all identical, all
 * nested, all overlapping), in both access modes. For each: reading it (`PlanSchema.safeParse` of the
 * JSON: shape and error rules, as the forms and the CLI do), all the rules (`evaluate`) and the
 * connectivity checks of every client, with the growth of each from 1× to 10× to the maximum (≤ 15×
 * per 10×). Then a plan past a limit (100,000 identical subnets, as a link and as JSON): refused
 * before any rule runs.
 */
import { loadavg } from 'node:os';
import { checkAllClients } from '../src/checker';
import { LIMIT_SHAPES, fractionOfMaximum, limitPlan, type LimitShape } from '../src/domain/limit-samples';
import type { Plan } from '../src/domain/plan';
import { typicalPlan } from '../src/domain/samples';
import { evaluate } from '../src/rules';
import { PlanSchema } from '../src/rules/plan-schema';
import { decodePlanLink, encodePlanLink } from '../src/share/link';
import { formatMs, freshPlan, measure, printTable, type Measurement, type Row } from './harness';

const STEPS = [
  { label: '1×', divisor: 100 },
  { label: '10×', divisor: 10 },
  { label: 'max', divisor: 1 },
] as const;

/** A copy with the same contents that shares no cached work (`freshPlan`): every cache starts cold. */
const fresh = freshPlan;

function timeIt(fn: () => unknown, heavy: boolean): Measurement {
  return measure(fn, { samples: heavy ? 5 : 9, warmupMs: heavy ? 300 : 200, minSampleMs: 30 });
}

function growthRows(what: string, times: readonly Measurement[]): Row[] {
  return times.map((m, i) => {
    const prev = times[i - 1];
    const growth = prev === undefined ? undefined : m.medianMs / prev.medianMs;
    return {
      what: `${what}, ${STEPS[i]?.label ?? ''}`,
      value: formatMs(m.medianMs),
      budget: growth === undefined ? '≤ 15× per 10×' : `growth ${growth.toFixed(1)}×`,
      verdict: growth === undefined ? '' : growth <= 15 ? 'ok' : 'OVER BUDGET',
    };
  });
}

function shapeRows(shape: LimitShape, mode: 'private' | 'public'): Row[] {
  const plans = STEPS.map(({ divisor }) => limitPlan(fractionOfMaximum(divisor), shape, mode));
  const json = plans.map((p): unknown => JSON.parse(JSON.stringify(p)));
  const read = json.map((j, i) => timeIt(() => PlanSchema.safeParse(j), i === 2));
  const rules = plans.map((p, i) => timeIt(() => evaluate(fresh(p)), i === 2));
  const checks = plans.map((p, i) => timeIt(() => checkAllClients(fresh(p)), i === 2));
  const max = plans[2] as Plan;
  const findings = evaluate(max).length;
  return [
    ...growthRows(`read (schema + error rules)`, read),
    ...growthRows(`evaluate (${findings} findings at max)`, rules),
    ...growthRows(`check ${max.clients.length} clients at max`, checks),
  ];
}

export default function bench(): void {
  for (const mode of ['private', 'public'] as const) {
    for (const shape of LIMIT_SHAPES) printTable(`Worst case, ${shape} plan, ${mode} access`, shapeRows(shape, mode));
  }

  const huge = typicalPlan();
  if (huge.access.mode === 'private') {
    huge.access.vnet.subnets = Array.from({ length: 100_000 }, () => ({ name: 'snet-a', prefix: '10.1.0.0/24' }));
  }
  const hugeJson: unknown = JSON.parse(JSON.stringify(huge));
  const link = encodePlanLink(huge);
  const schema = measure(() => PlanSchema.safeParse(hugeJson), { samples: 9, minSampleMs: 30 });
  const decode = measure(() => decodePlanLink(link), { samples: 9, minSampleMs: 30 });
  printTable('A plan past the limits: 100,000 identical subnets, refused before any rule runs', [
    { what: 'PlanSchema.safeParse of its JSON (refused)', value: formatMs(schema.medianMs), budget: '', verdict: '' },
    {
      what: `opening it as a link of ${link.length.toLocaleString('en-US')} characters (refused)`,
      value: formatMs(decode.medianMs),
      budget: '≤ 1 s',
      verdict: decode.medianMs <= 1000 ? 'ok' : 'OVER BUDGET',
    },
  ]);
  const [one, five, fifteen] = loadavg();
  console.log(
    `(load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ${fifteen?.toFixed(1)} on this machine while measuring)`,
  );
}
