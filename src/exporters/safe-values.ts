/**
 * The exporters' last check, behind validation (PGN-009, PGN-125 and the syntax rules): a plan that
 * reaches an export without passing them (`export --force`, "Export anyway") is refused here rather
 * than written, when one of its values could be read as something other than data: a control
 * character (bash drops a NUL byte, a newline ends a command, an SVG or terminal breaks), or a prefix a
 * command line reads as an option, a file to load or quoting (see `commandLineProblem`), or text that
 * Terraform would normalize and so deploy differently (see `normalFormProblem`). Every format
 * builds its files from the `ExportModel`, so checking the model once covers all of them.
 */
import { commandLineProblem, normalFormProblem, unsafeCharacterText, visible } from '../domain/text-safety';
import type { ExportModel } from './model';

/** Thrown by every exporter for a plan holding a value that cannot be written safely. */
export class ExportRefusedError extends Error {
  constructor(
    readonly what: string,
    readonly value: string,
    readonly problem: string,
  ) {
    super(
      `Not exported: ${what} "${visible(value)}" cannot be written safely: ${problem}. ` +
        'Fix the plan first; validating it shows the rule and the field.',
    );
    this.name = 'ExportRefusedError';
  }
}

/** Text that only lands in comments and descriptions: no control characters or unpaired surrogates. */
function text(what: string, value: string): void {
  const unsafe = unsafeCharacterText(value);
  if (unsafe !== null) throw new ExportRefusedError(what, value, `it contains ${unsafe}`);
}

/** A value the templates and variables carry as typed: it must reach Azure the same from every format. */
function literal(what: string, value: string): void {
  text(what, value);
  const problem = normalFormProblem(value);
  if (problem !== null) throw new ExportRefusedError(what, value, problem);
}

/** A value a command line receives (as `--name=value`, or as a shell variable's contents). */
function argument(what: string, value: string): void {
  const problem = commandLineProblem(value);
  if (problem !== null) throw new ExportRefusedError(what, value, problem);
  literal(what, value);
}

/**
 * An item of a list option (`--address-prefixes a b`), passed as a word of its own: besides the
 * argument checks, the Azure CLI reads `key=value` in such a word as a partial value (and an `@` after
 * the `=` as a file), and a leading `[` or `{` as shorthand syntax.
 */
function listItem(what: string, value: string): void {
  argument(what, value);
  if (value === '') throw new ExportRefusedError(what, value, 'it is empty');
  if (value.includes('=')) throw new ExportRefusedError(what, value, 'it contains "=", which the Azure CLI splits');
  if (/^[[{]/.test(value)) {
    throw new ExportRefusedError(
      what,
      value,
      'it starts with a bracket, which the Azure CLI reads as shorthand syntax',
    );
  }
}

/** Throws `ExportRefusedError` for the first value of the model that cannot be written safely. */
export function assertExportable(model: ExportModel): void {
  text('the plan name', model.planName);
  // The region reaches the Azure CLI script only through $LOCATION, with everything but letters and
  // digits removed; ARM, Bicep and Terraform write it as a string literal.
  literal('the region', model.location);
  for (const sub of model.subscriptions)
    if (sub.value !== '') argument(`the subscription of ${sub.purpose}`, sub.value);
  // A subscription name is written only in the notes, yet as the user typed it: the same checks.
  for (const name of model.subscriptionNames) argument(`the subscription of ${name.what}`, name.value);
  const rg = (what: string, value: string) => {
    if (value !== '') argument(`the resource group of ${what}`, value);
  };
  for (const s of model.servers) {
    argument('the server name', s.name);
    literal(`the region of server "${s.name}"`, s.location);
    argument(`the version of server "${s.name}"`, s.version);
    argument(`the high availability mode of server "${s.name}"`, s.highAvailability);
    rg(`server "${s.name}"`, s.loc.rg);
  }
  for (const c of model.configurations) argument(`the server parameter ${c.name}`, c.value);
  const access = model.access;
  if (access.mode === 'public') {
    for (const r of access.firewallRules) {
      argument('the firewall rule name', r.name);
      argument(`the start address of firewall rule "${r.name}"`, r.startIp);
      argument(`the end address of firewall rule "${r.name}"`, r.endIp);
    }
    return;
  }
  const vnet = access.vnet;
  argument('the VNet name', vnet.name);
  rg(`VNet "${vnet.name}"`, vnet.loc.rg);
  for (const a of vnet.addressSpaces) listItem(`an address space of VNet "${vnet.name}"`, a);
  for (const d of vnet.dnsServers ?? []) listItem(`a DNS server of VNet "${vnet.name}"`, d);
  for (const s of [...access.otherSubnets, access.subnet]) {
    argument('the subnet name', s.name);
    listItem(`the prefix of subnet "${s.name}"`, s.prefix);
  }
  if (access.nsg !== null) {
    const nsg = access.nsg;
    argument('the NSG name', nsg.name);
    rg(`NSG "${nsg.name}"`, nsg.loc.rg);
    for (const r of nsg.rules) {
      argument('the NSG rule name', r.name);
      for (const v of [r.direction, r.access, r.protocol]) argument(`a setting of NSG rule "${r.name}"`, v);
      const lists = [
        ['source', r.sourceAddresses],
        ['source port', r.sourcePorts],
        ['destination', r.destinationAddresses],
        ['destination port', r.destinationPorts],
      ] as const;
      for (const [words, values] of lists) for (const v of values) listItem(`a ${words} of NSG rule "${r.name}"`, v);
      if (r.description !== '') argument(`the description of NSG rule "${r.name}"`, r.description);
    }
  }
  argument('the private DNS zone name', access.zone.name);
  rg(`zone "${access.zone.name}"`, access.zone.loc.rg);
  for (const l of access.links) argument('the zone link name', l.name);
  for (const p of access.peeredVnets) {
    argument('the VNet name', p.name);
    rg(`VNet "${p.name}"`, p.loc.rg);
  }
  for (const p of access.peerings) argument('the peering name', p.name);
  for (const t of access.routeTables) {
    argument('the route table name', t.name);
    literal(`the region of route table "${t.name}"`, t.region);
    for (const r of t.routes) {
      argument('the route name', r.name);
      argument(`the destination of route "${r.name}"`, r.prefix);
      argument(`the next hop type of route "${r.name}"`, r.nextHop);
      if (r.nextHopIp !== '') argument(`the next hop address of route "${r.name}"`, r.nextHopIp);
    }
  }
  for (const r of access.routeAssociations) argument('the subnet name', r.subnet);
}
