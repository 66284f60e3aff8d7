/** The plan in a few lines: what will be deployed, in words an architect can paste into a design note. */
import { SERVER_FQDN_SUFFIX } from '../../domain/azure';
import type { Plan } from '../../domain/plan';

const HA = {
  Disabled: 'no high availability',
  SameZone: 'HA, same zone',
  ZoneRedundant: 'HA, zone redundant',
} as const;

export function PlanSummary({ plan }: { plan: Plan }) {
  const a = plan.access;
  return (
    <dl className="summary-list">
      <dt>Servers</dt>
      <dd>
        {plan.servers.map((s) => (
          <div key={s.name || '(unnamed)'}>
            <code>{s.name ? `${s.name}.${SERVER_FQDN_SUFFIX}` : '(no name yet)'}</code> — PostgreSQL {s.version},{' '}
            {s.region}, {HA[s.highAvailability]}
            {s.resourceGroup ? `, resource group ${s.resourceGroup}` : ''}
          </div>
        ))}
      </dd>
      <dt>Connectivity</dt>
      <dd>
        {a.mode === 'private'
          ? 'Private access (VNet integration)'
          : `Public access (allowed IP addresses)${a.privateEndpoints.length > 0 ? ' and Private endpoint' : ''}` +
            (a.publicNetworkAccess ? '' : '; public network access disabled')}
      </dd>
      {a.mode === 'private' ? (
        <>
          <dt>Virtual network</dt>
          <dd>
            {a.vnet.existing ? 'Existing' : 'New'} <code>{a.vnet.name || '(no name)'}</code> (
            {a.vnet.addressSpaces.filter(Boolean).join(', ') || 'no address space'}
            ), {a.vnet.dns.kind === 'azure' ? 'Azure-provided DNS' : `custom DNS ${a.vnet.dns.servers.join(', ')}`}
          </dd>
          <dt>Delegated subnet</dt>
          <dd>
            <code>{a.delegatedSubnet.name || '(no name)'}</code> {a.delegatedSubnet.prefix || '(no prefix)'}
            {a.delegatedSubnet.nsg
              ? `, NSG ${a.delegatedSubnet.nsg.name} with ${a.delegatedSubnet.nsg.rules.length} rules`
              : ', no NSG'}
          </dd>
          <dt>Private DNS zone</dt>
          <dd>
            {a.privateDnsZone ? (
              <>
                {a.privateDnsZone.existing ? 'Existing' : 'New'} <code>{a.privateDnsZone.name || '(no name)'}</code>,
                linked to{' '}
                {[a.vnet.zoneLink ? a.vnet.name : null, ...a.peeredVnets.filter((p) => p.zoneLink).map((p) => p.name)]
                  .filter(Boolean)
                  .join(', ') || 'no VNet'}
              </>
            ) : (
              'none'
            )}
          </dd>
          <dt>Peered VNets</dt>
          <dd>{a.peeredVnets.length === 0 ? 'none' : a.peeredVnets.map((p) => p.name).join(', ')}</dd>
          <dt>On-premises</dt>
          <dd>
            {a.onPremises.length === 0 ? 'none' : a.onPremises.map((o) => `${o.name} (${o.connection})`).join(', ')}
          </dd>
        </>
      ) : (
        <>
          <dt>Firewall rules</dt>
          <dd>
            {a.firewallRules.length === 0
              ? 'none'
              : `${a.firewallRules.length} rule${a.firewallRules.length === 1 ? '' : 's'}`}
            {a.allowAzureServices ? '; public access from Azure services allowed' : ''}
          </dd>
          {a.privateEndpoints.length > 0 ? (
            <>
              <dt>Private endpoints</dt>
              <dd>
                {a.privateEndpoints.map((e, i) => (
                  <div key={`${i}-${e.name}`}>
                    <code>{e.name || '(no name)'}</code> in {e.vnet || '(no VNet)'}/{e.subnet || '(no subnet)'},{' '}
                    {e.privateIp || 'dynamic IP'}, {e.approval} approval
                  </div>
                ))}
              </dd>
              <dt>Private DNS zone</dt>
              <dd>
                {a.privateDnsZone
                  ? `${a.privateDnsZone.existing ? 'Existing' : 'New'} ${a.privateDnsZone.name}, linked to ` +
                    (a.peeredVnets
                      .filter((v) => v.zoneLink)
                      .map((v) => v.name)
                      .join(', ') || 'no VNet')
                  : 'none'}
              </dd>
            </>
          ) : null}
        </>
      )}
      <dt>TLS</dt>
      <dd>
        {plan.tls.requireSecureTransport ? 'required' : 'not required'}, minimum {plan.tls.minVersion}
        {plan.tls.maxVersion ? `, maximum ${plan.tls.maxVersion}` : ''}
      </dd>
      <dt>Clients</dt>
      <dd>{plan.clients.length === 0 ? 'none' : plan.clients.map((c) => c.name).join(', ')}</dd>
    </dl>
  );
}
