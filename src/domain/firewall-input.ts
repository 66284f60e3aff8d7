/**
 * What a user types or pastes for firewall rules, turned into start/end IPv4 ranges.
 *
 * Azure stores a firewall rule as a start and an end IPv4 address; a CIDR block is never sent as
 * is (PGN-203), so a typed `203.0.113.0/28` becomes 203.0.113.0 – 203.0.113.15. IPv6 is refused with
 * the documented wording (PGN-202). Pasted lists may hold single addresses, CIDR blocks and `a-b`
 * ranges separated by newlines, commas, semicolons or spaces; `#` starts a comment.
 */
import { FIREWALL_IPV4_ONLY_TEXT, FIREWALL_RULE_NAME_MAX, FIREWALL_RULE_NAME_PATTERN } from './azure';
import { cidrRange, formatIPv4, parseCidr, parseIPv4, type IpRange } from './ipv4';
import type { FirewallRule } from './plan';

export type AddressEntryKind = 'address' | 'cidr' | 'range';

export interface AddressEntry {
  /** The text as the user wrote it. */
  readonly text: string;
  readonly kind: AddressEntryKind;
  readonly startIp: string;
  readonly endIp: string;
  readonly range: IpRange;
}

export type RefusalCode = 'ipv6' | 'invalid' | 'not-aligned' | 'reversed' | 'port';

export interface Refusal {
  readonly text: string;
  readonly code: RefusalCode;
  readonly reason: string;
}

export type EntryResult = { ok: true; entry: AddressEntry } | { ok: false; refusal: Refusal };

const refuse = (text: string, code: RefusalCode, reason: string): EntryResult => ({
  ok: false,
  refusal: { text, code, reason },
});

const looksLikeIpv6 = (text: string): boolean =>
  /^[0-9a-f:.]*:[0-9a-f:.]*(\/\d+)?(%\S+)?$/i.test(text) && !/^(\d+\.){3}\d+:\d+$/.test(text);

/** Parses one entry: a single IPv4 address, an aligned CIDR block, or a range `start-end`. */
export function parseAddressEntry(input: string): EntryResult {
  const text = input.trim();
  if (text === '') return refuse(input, 'invalid', 'An IPv4 address, CIDR block or range is required.');
  if (/^(\d+\.){3}\d+:\d+$/.test(text)) {
    return refuse(
      text,
      'port',
      `${text} includes a port; firewall rules take addresses only (clients always connect to the server's port).`,
    );
  }
  if (looksLikeIpv6(text)) return refuse(text, 'ipv6', FIREWALL_IPV4_ONLY_TEXT);

  const dash = text.indexOf('-');
  if (dash >= 0) {
    const startText = text.slice(0, dash).trim();
    const endText = text.slice(dash + 1).trim();
    if (looksLikeIpv6(startText) || looksLikeIpv6(endText)) return refuse(text, 'ipv6', FIREWALL_IPV4_ONLY_TEXT);
    const start = parseIPv4(startText);
    if (!start.ok) return refuse(text, 'invalid', `Range ${text}: ${start.error.message}`);
    const end = parseIPv4(endText);
    if (!end.ok) return refuse(text, 'invalid', `Range ${text}: ${end.error.message}`);
    if (start.value > end.value) {
      return refuse(
        text,
        'reversed',
        `Range ${text} starts after it ends; write it as ${formatIPv4(end.value)}-${formatIPv4(start.value)}.`,
      );
    }
    return ok(text, 'range', { start: start.value, end: end.value });
  }

  if (text.includes('/')) {
    const cidr = parseCidr(text);
    if (!cidr.ok) {
      if (cidr.error.code === 'ipv6') return refuse(text, 'ipv6', FIREWALL_IPV4_ONLY_TEXT);
      return refuse(text, cidr.error.code === 'not-aligned' ? 'not-aligned' : 'invalid', cidr.error.message);
    }
    return ok(text, 'cidr', cidrRange(cidr.value));
  }

  const address = parseIPv4(text);
  if (!address.ok) return refuse(text, 'invalid', address.error.message);
  return ok(text, 'address', { start: address.value, end: address.value });
}

function ok(text: string, kind: AddressEntryKind, range: IpRange): EntryResult {
  return { ok: true, entry: { text, kind, startIp: formatIPv4(range.start), endIp: formatIPv4(range.end), range } };
}

/**
 * Splits a pasted list into entries. Separators: newlines, commas, semicolons, tabs and spaces;
 * a dash between two addresses (with or without spaces, also an en dash) joins them into a range;
 * `#` starts a comment that runs to the end of the line; quotes around an entry are dropped.
 */
export function splitPastedList(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n')
    .replace(/\s*[-–]\s*/g, '-')
    .split(/[\s,;]+/)
    .map((token) => token.replace(/^["'([]+|["')\]]+$/g, ''))
    .filter((token) => token !== '');
}

/** A rule name that passes the name rule (PGN-207) and is not in `taken` (compared case-insensitively). */
export function ruleNameFor(entry: AddressEntry, taken: ReadonlySet<string>): string {
  const dashed = (ip: string) => ip.replace(/\./g, '-');
  const prefixLength = entry.kind === 'cidr' ? entry.text.slice(entry.text.indexOf('/') + 1) : '';
  const base =
    entry.kind === 'address'
      ? `ip-${dashed(entry.startIp)}`
      : entry.kind === 'cidr'
        ? `net-${dashed(entry.startIp)}-${prefixLength}`
        : `range-${dashed(entry.startIp)}-to-${dashed(entry.endIp)}`;
  return uniqueName(base, taken);
}

/** `base`, or `base-2`, `base-3`, … whichever is free (case-insensitive), within the length limit. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const clipped = base.slice(0, FIREWALL_RULE_NAME_MAX);
  if (!lower.has(clipped.toLowerCase())) return clipped;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, FIREWALL_RULE_NAME_MAX - suffix.length)}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A fresh name for an empty row: `rule-1`, `rule-2`, … the first free one. */
export function nextRuleName(existing: readonly { name: string }[]): string {
  const taken = new Set(existing.map((r) => r.name.toLowerCase()));
  for (let n = existing.length + 1; ; n += 1) {
    if (!taken.has(`rule-${n}`)) return `rule-${n}`;
  }
}

export const isValidRuleName = (name: string): boolean => FIREWALL_RULE_NAME_PATTERN.test(name);

export interface PastedRule extends AddressEntry {
  readonly name: string;
}

export interface Skipped {
  readonly text: string;
  readonly reason: string;
}

export interface PastePreview {
  /** Rules to add, with generated names, in the order pasted. */
  readonly rules: PastedRule[];
  /** Entries already allowed by an identical rule (same start and end), or listed twice. */
  readonly skipped: Skipped[];
  /** Entries that cannot become firewall rules, with the reason. */
  readonly refused: Refusal[];
}

/** What adding the pasted list to the existing rules would do. O(n) in the list and the rules. */
export function previewPastedRules(text: string, existing: readonly FirewallRule[]): PastePreview {
  const taken = new Set(existing.map((r) => r.name));
  const byRange = new Map<string, string>();
  for (const rule of existing) {
    const key = `${rule.startIp}-${rule.endIp}`;
    if (!byRange.has(key)) byRange.set(key, `already allowed by rule ${rule.name}`);
  }
  const rules: PastedRule[] = [];
  const skipped: Skipped[] = [];
  const refused: Refusal[] = [];
  for (const token of splitPastedList(text)) {
    const result = parseAddressEntry(token);
    if (!result.ok) {
      refused.push(result.refusal);
      continue;
    }
    const entry = result.entry;
    const key = `${entry.startIp}-${entry.endIp}`;
    const duplicate = byRange.get(key);
    if (duplicate !== undefined) {
      skipped.push({ text: entry.text, reason: duplicate });
      continue;
    }
    const name = ruleNameFor(entry, taken);
    taken.add(name);
    byRange.set(key, `listed twice (already added as ${name})`);
    rules.push({ ...entry, name });
  }
  return { rules, skipped, refused };
}

/** The text of the list with only the refused entries left, one per line, for the user to correct. */
export function refusedText(preview: PastePreview): string {
  return preview.refused.map((r) => r.text).join('\n');
}

export type StartConversion =
  { changed: true; startIp: string; endIp: string; note: string } | { changed: false; note: string | null };

/**
 * What typing into a rule's start field means once the user leaves it: a CIDR block or an `a-b`
 * range fills start and end; a single address fills an empty end with the same address. IPv6 and
 * malformed text stay as typed so that the rules can say what is wrong next to the field.
 */
export function convertStartInput(startText: string, endText: string): StartConversion {
  const text = startText.trim();
  if (text === '' || looksLikeIpv6(text)) return { changed: false, note: null };
  const isBlock = text.includes('/');
  const isRange = text.includes('-');
  if (!isBlock && !isRange) {
    const address = parseIPv4(text);
    if (!address.ok) return { changed: false, note: null };
    if (endText.trim() === '') {
      return {
        changed: true,
        startIp: text,
        endIp: text,
        note: `End set to ${text} too: the rule allows this one address.`,
      };
    }
    return text === startText
      ? { changed: false, note: null }
      : { changed: true, startIp: text, endIp: endText, note: 'Spaces removed.' };
  }
  const parsed = parseAddressEntry(text);
  if (!parsed.ok) {
    return { changed: false, note: parsed.refusal.code === 'ipv6' ? null : parsed.refusal.reason };
  }
  const { startIp, endIp, range } = parsed.entry;
  const count = range.end - range.start + 1;
  const size = `${count.toLocaleString('en-US')} address${count === 1 ? '' : 'es'}`;
  const note =
    parsed.entry.kind === 'cidr'
      ? `${text} was turned into its range ${startIp} – ${endIp} (${size}); Azure stores firewall rules as start and end addresses, never as CIDR blocks.`
      : `Range ${text} split into start ${startIp} and end ${endIp} (${size}).`;
  return { changed: true, startIp, endIp, note };
}
