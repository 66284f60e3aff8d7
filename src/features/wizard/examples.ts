/** The examples the "Start from an example" dialog offers, by file name, and how one is read into a plan. */
import { readPlanDocument } from '../../domain/parse';
import type { Plan } from '../../domain/plan';

/** Every file of `examples/` with the title the dialog shows (a test holds the two lists equal). */
export const EXAMPLE_TITLES: Readonly<Record<string, string>> = {
  'eight-subnets.json': 'Eight-subnet VNet with a delegated /28',
  'hub-and-spoke.json': 'Hub and spoke: private access, custom DNS, two peered VNets, VPN',
  'hub-spoke-firewall.json': 'Spokes through an Azure Firewall hub: routes, ExpressRoute, DNS resolver',
  'private-endpoint-hub.json': 'Private endpoint in a hub, public network access off: DNS resolver, ExpressRoute',
  'public-office.json': 'Public access from office IP ranges',
};

// Sorted by code unit, not with localeCompare: file names are ASCII, and the first localeCompare of a page builds a
// collator (measured: 13 ms of the first screen's start).
export const EXAMPLE_FILES: readonly string[] = Object.keys(EXAMPLE_TITLES).sort();

/** The example `file` as a plan; throws with the file's name when it can't be read. */
export async function loadExample(file: string): Promise<Plan> {
  const { EXAMPLE_DOCUMENTS } = await import('./example-plans');
  if (!(file in EXAMPLE_DOCUMENTS)) throw new Error(`There is no example ${file}.`);
  const read = readPlanDocument(EXAMPLE_DOCUMENTS[file]);
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  return read.plan;
}
