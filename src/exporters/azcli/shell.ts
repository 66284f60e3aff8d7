/**
 * The shell forms of `deploy.sh`. Every value is single-quoted and passed as `--name=value`, the form argparse (on
 * which the Azure CLI is built) always reads as that option's value; list options take their items as separate
 * words, which `assertExportable` has checked can't be read as options.
 */
import { shellQuote as q } from '../escape';
import type { Loc, SubRef } from '../model';

/** `peeredVnet1SubscriptionId` → `PEERED_VNET1_SUBSCRIPTION_ID`. */
export const shellVar = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** `--name='value'`: one shell word, `--name=value`, whatever the value starts with. */
export const opt = (name: string, value: string) => `--${name}=${q(value)}`;

/** A list option: one item as `--name='a'`, several as `--name 'a' 'b'` (argparse takes `=` for one value only). */
export const optList = (name: string, values: readonly string[]) =>
  values.length === 1 ? opt(name, values[0] as string) : [`--${name}`, ...values.map(q)].join(' ');

/** `--subscription="$X"` for resources of another subscription; nothing for the current one. */
export const subFlag = (sub: SubRef) => (sub.primary ? '' : ` --subscription="$${shellVar(sub.param)}"`);

export const rg = (loc: Loc) => (loc.rg === '' ? '--resource-group="$RESOURCE_GROUP"' : opt('resource-group', loc.rg));

/** One command: its words on one line up to 100 characters, otherwise one word a line. */
export function cmd(parts: readonly (string | false | null | undefined)[]): string {
  const words: string[] = [];
  let length = -1;
  for (const p of parts) {
    if (typeof p !== 'string' || p === '') continue;
    words.push(p);
    length += p.length + 1;
  }
  return words.join(length <= 100 ? ' ' : ' \\\n  ');
}

/**
 * Runs `create` only when `show` finds nothing, so that a second run of the script leaves what exists alone. Used
 * for the resources whose create would fail on an existing one (the server, the zone and its links) or would
 * replace it with less than it holds (a VNet created again without its subnets, an NSG without its rules, a
 * subnet without its NSG or route table). Everything else is a create-or-update that sets what the plan says.
 */
export function unlessExists(show: readonly (string | false | null | undefined)[], create: string): string {
  return `if ! ${cmd([...show, '--output=none'])} 2>/dev/null; then\n  ${create.replace(/\n/g, '\n  ')}\nfi`;
}
