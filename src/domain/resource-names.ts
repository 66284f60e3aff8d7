/**
 * Azure resource names: what is wrong with a name under its type's naming rule (AZURE_NAME_RULES),
 * a close name that passes, and the names the exports derive from the plan (peerings, zone links),
 * so that the rules (PGN-009) and the exporters agree on them.
 */
import type { AzureNameRule } from './azure';
import {
  codePointName,
  describeUnsafeCharacter,
  hasUnsafeCharacter,
  normalFormProblem,
  unsafeCharactersIn,
} from './text-safety';

/** The peering resource on `local` towards `remote`, as every export names it. */
export const peeringName = (local: string, remote: string): string => `${local}-to-${remote}`;

/** The private DNS zone's link to a VNet, as every export names it. */
export const zoneLinkName = (vnet: string): string => `${vnet}-link`;

/** A private endpoint's static IP configuration, as every export names it. */
export const peIpConfigName = (endpoint: string): string => `${endpoint}-ipconfig`;

/** The zone's entry in a private endpoint's DNS zone group: the portal's name for it (PE §1.2, dots as dashes). */
export const zoneConfigName = (zone: string): string => zone.replace(/\./g, '-');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeCharacter(c: string): string {
  if (hasUnsafeCharacter(c)) return describeUnsafeCharacter(c);
  if (c === ' ') return 'a space';
  if (/^\s$/u.test(c)) return `the space character ${codePointName(c)}`;
  return `"${c}"`;
}

const strip = (re: RegExp) => re.source.replace(/^\^|\$$/g, '');
const wholeNames = new WeakMap<AzureNameRule, RegExp>();

/** The rule as one pattern for a whole name (lengths aside), built once per rule. */
function wholeName(rule: AzureNameRule): RegExp {
  let re = wholeNames.get(rule);
  if (re === undefined) {
    const [first, allowed, last] = [strip(rule.first), strip(rule.allowed), strip(rule.last)];
    re = new RegExp(`^(?=${first})(?:${allowed})(?:(?:${allowed})*(?=${last}$)(?:${allowed}))?$`, rule.allowed.flags);
    wholeNames.set(rule, re);
  }
  return re;
}

/** Printable ASCII: always in Unicode normalization form C. */
const ASCII = /^[\x20-\x7e]*$/;

/** What breaks the rule, as short clauses ("it has 81 characters (at most 80)"); empty when the name passes. */
export function nameProblems(rule: AzureNameRule, name: string): string[] {
  // The common case, a valid name, without building anything.
  const fits = name.length >= rule.min && name.length <= rule.max && wholeName(rule).test(name);
  if (fits && (ASCII.test(name) || normalFormProblem(name) === null)) return [];
  if (name === '') return ['it is empty'];
  const out: string[] = [];
  const unsafe = unsafeCharactersIn(name);
  if (unsafe.length > 0) out.push(`it contains ${unsafe.map(describeCharacter).join(', ')}`);
  if (name.length < rule.min) out.push(`it has ${plural(name.length, 'character')} (at least ${rule.min})`);
  if (name.length > rule.max) out.push(`it has ${plural(name.length, 'character')} (at most ${rule.max})`);
  const chars = [...name];
  const bad = [...new Set(chars.filter((c) => !rule.allowed.test(c) && !hasUnsafeCharacter(c)))];
  if (bad.length > 0) out.push(`it contains ${bad.map(describeCharacter).join(', ')}`);
  const first = chars[0] as string;
  const last = chars[chars.length - 1] as string;
  if (rule.allowed.test(first) && !rule.first.test(first)) out.push(`it starts with "${first}"`);
  if (chars.length > 1 && rule.allowed.test(last) && !rule.last.test(last)) out.push(`it ends with "${last}"`);
  const form = out.length === 0 ? normalFormProblem(name) : null;
  if (form !== null) out.push(form);
  return out;
}

/** The rule in words: "2–64 letters, digits, _, . and -, starting with …, ending with …". */
export function describeNameRule(rule: AzureNameRule): string {
  const ends = `starting with ${rule.firstText} and ending with ${rule.lastText}`;
  return `${rule.min}–${rule.max} ${rule.allowedText}, ${ends}`;
}

/** A name close to `name` that passes the rule: other characters become `-`, ends trimmed, length fitted. */
export function suggestName(rule: AzureNameRule, name: string, fallback: string): string {
  const fits = (s: string) => nameProblems(rule, s).length === 0;
  let s = [...name.normalize('NFC')].map((c) => (rule.allowed.test(c) ? c : '-')).join('');
  s = s.replace(/-{2,}/g, '-');
  while (s !== '' && !rule.first.test([...s][0] as string)) s = [...s].slice(1).join('');
  if (s.length > rule.max) s = s.slice(0, rule.max);
  while (s !== '' && !rule.last.test([...s].at(-1) as string)) s = [...s].slice(0, -1).join('');
  if (fits(s)) return s;
  const padded = `${fallback}-${s}`.slice(0, rule.max);
  return fits(padded) ? padded : fallback;
}
