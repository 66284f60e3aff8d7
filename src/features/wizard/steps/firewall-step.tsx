import { useFieldArray } from 'react-hook-form';
import { usePlanner } from '../../../store/store';
import { AzureServicesToggle } from '../public/azure-services-toggle';
import { FindYourIp, PropagationNote } from '../public/firewall-notes';
import { FirewallTable } from '../public/firewall-table';
import { PasteRules } from '../public/paste-rules';
import { FindingList, usePathFindings } from '../public/path-findings';
import { PrivateFirewall } from '../public/private-firewall';
import { PublicNetworkToggle } from '../public/public-network-toggle';
import '../public/firewall.css';
import { StepFrame } from '../step-frame';
import { usePlanForm } from '../use-plan-form';

function PublicFirewall() {
  const form = usePlanForm();
  const rules = useFieldArray({ control: form.control, name: 'access.firewallRules' });
  // The rule engine states the propagation delay (PGN-211) once rules exist; before that, say it here.
  const listFindings = usePathFindings('access.firewallRules');
  const delayStated = listFindings.some((f) => f.ruleId === 'PGN-211');
  return (
    <>
      <PublicNetworkToggle form={form} />
      <FindingList findings={listFindings} />
      <FirewallTable form={form} rules={rules} />
      <PasteRules form={form} rules={rules} />
      <AzureServicesToggle form={form} />
      <FindYourIp />
      {delayStated ? null : <PropagationNote />}
    </>
  );
}

export default function FirewallStep() {
  const mode = usePlanner((s) => s.plan.access.mode);
  return (
    <StepFrame
      intro={
        mode === 'public' ? (
          <p>
            {'Only the IP addresses you allow can connect; by default none is allowed. Each rule allows the IPv4 ' +
              'addresses from its start to its end, for every database on the server. Type a single address, or a ' +
              'CIDR block such as '}
            <code>203.0.113.0/28</code> into the start field: it becomes the range.
          </p>
        ) : (
          <p>This plan uses private access but carries settings that only exist with public access.</p>
        )
      }
    >
      {mode === 'public' ? <PublicFirewall /> : <PrivateFirewall />}
    </StepFrame>
  );
}
