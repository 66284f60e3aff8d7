import { DOCS, STORAGE_PORT, STORAGE_SERVICE_TAG } from '../../domain/azure';
import { cidrRange } from '../../domain/ipv4';
import { evaluateCompiledNsgFlow } from '../../domain/nsg';
import { normalizeRegion } from '../../domain/regions';
import { analysisOf, report, type Rule } from '../rule';
import { decisionPath, describeDecision } from './nsg-helpers';
import { named } from '../names';

export const pgn122: Rule = {
  id: 'PGN-122',
  title: 'With high availability, the NSG allows outbound TCP 443 to Azure Storage',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, HA paragraph; facts §1.6',
  why:
    'High availability archives logs to Azure Storage over TCP 443; an NSG ' +
    'that blocks the Storage service tag breaks HA.',
  fix:
    `Add an outbound Allow rule to the service tag ${STORAGE_SERVICE_TAG} ` +
    `(or ${STORAGE_SERVICE_TAG}.<Region>), TCP ${STORAGE_PORT}, with a ` +
    `priority lower than the deny.`,
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const nsg = a.private?.delegatedSubnet.nsg ?? null;
    const compiled = a.nsg;
    const d = a.delegated;
    if (!a.anyHa || nsg === null || compiled === null || a.nsgContext === null || d === null || !d.result.ok) return [];
    // The regional tag takes the programmatic name (PGN-010), whatever spelling the field holds.
    const region = normalizeRegion(a.nsgContext.region);
    const tag = `${STORAGE_SERVICE_TAG}.${region}`;
    const decision = evaluateCompiledNsgFlow(
      compiled,
      {
        direction: 'Outbound',
        protocol: 'Tcp',
        source: { kind: 'range', range: cidrRange(d.result.value) },
        destination: { kind: 'tag', tag },
        port: STORAGE_PORT,
      },
      a.nsgContext,
    );
    if (decision.access === 'Allow') return [];
    return [
      report(
        this,
        decisionPath(decision),
        `High availability needs outbound TCP ${STORAGE_PORT} from ${d.text} to ` +
          `Azure Storage in ${region}, but in ${named('NSG', nsg.name)} ` +
          `${describeDecision(decision)}. Add an outbound Allow rule to ` +
          `${STORAGE_SERVICE_TAG} (or ${tag}) on TCP ${STORAGE_PORT} with a ` +
          `priority below ${decision.priority}.`,
      ),
    ];
  },
};
