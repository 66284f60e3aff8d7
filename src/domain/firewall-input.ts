/**
 * What a user types or pastes for firewall rules, turned into start/end IPv4 ranges.
 *
 * Azure stores a firewall rule as a start and an end IPv4 address; a CIDR block is never sent as
 * is (PGN-203), so a typed `203.0.113.0/28` becomes 203.0.113.0 – 203.0.113.15. IPv6 is refused with
 * the documented wording (PGN-202). How a pasted list is read is described at `scanPastedText`.
 */
import { FIREWALL_IPV4_ONLY_TEXT, FIREWALL_RULE_NAME_MAX, FIREWALL_RULE_NAME_MIN, PLANNER_LIMITS } from './azure';
import { cidrRange, formatIPv4, networkOf, parseCidrFast, parseIPv4Fast, quickIPv4, type IpRange } from './ipv4';
import type { FirewallRule } from './plan';

type AddressEntryKind = 'address' | 'cidr' | 'range';

export interface AddressEntry {
  /** The text as the user wrote it. */
  readonly text: string;
  readonly kind: AddressEntryKind;
  readonly startIp: string;
  readonly endIp: string;
  readonly range: IpRange;
}

type RefusalCode = 'ipv6' | 'invalid' | 'not-aligned' | 'reversed' | 'port' | 'incomplete' | 'mask' | 'table';

interface Refusal {
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

/**
 * Parses one entry: a single IPv4 address, an aligned CIDR block, or a range `start-end`. `shown`
 * is the text as the user wrote it (`10.0.0.1 to 10.0.0.5`), for the entry and the messages.
 */
export function parseAddressEntry(input: string, shown?: string): EntryResult {
  const text = input.trim();
  const label = shown ?? text;
  if (text === '') return refuse(input, 'invalid', 'An IPv4 address, CIDR block or range is required.');
  // The common case first: a plain address (a pasted list of 10,000 lines is mostly these).
  const plain = quickIPv4(text);
  if (plain !== null) return ok(label, 'address', { start: plain, end: plain });
  const colon = text.includes(':'); // a port or IPv6: both need a colon
  if (colon && /^(\d+\.){3}\d+:\d+$/.test(text)) {
    return refuse(
      label,
      'port',
      `${label} includes a port; firewall rules take addresses only (clients always connect to the server's port).`,
    );
  }
  if (colon && looksLikeIpv6(text)) return refuse(label, 'ipv6', FIREWALL_IPV4_ONLY_TEXT);

  const dash = text.indexOf('-');
  if (dash >= 0) {
    const startText = text.slice(0, dash).trim();
    const endText = text.slice(dash + 1).trim();
    if (colon && (looksLikeIpv6(startText) || looksLikeIpv6(endText)))
      return refuse(label, 'ipv6', FIREWALL_IPV4_ONLY_TEXT);
    if (startText === '' || endText === '') {
      const missing = startText === '' ? 'start' : 'end';
      return refuse(
        label,
        'incomplete',
        `Range ${label} has no ${missing} address; write a range as start-end on one line.`,
      );
    }
    const start = parseIPv4Fast(startText);
    if (!start.ok) return refuse(label, 'invalid', `Range ${label}: ${start.error.message}`);
    const end = parseIPv4Fast(endText);
    if (!end.ok) return refuse(label, 'invalid', `Range ${label}: ${end.error.message}`);
    if (start.value > end.value) {
      return refuse(
        label,
        'reversed',
        `Range ${label} starts after it ends; write it as ${formatIPv4(end.value)}-${formatIPv4(start.value)}.`,
      );
    }
    return ok(label, 'range', { start: start.value, end: end.value });
  }

  if (text.includes('/')) {
    const cidr = parseCidrFast(text);
    if (!cidr.ok) {
      if (cidr.error.code === 'ipv6') return refuse(label, 'ipv6', FIREWALL_IPV4_ONLY_TEXT);
      return refuse(label, cidr.error.code === 'not-aligned' ? 'not-aligned' : 'invalid', cidr.error.message);
    }
    return ok(label, 'cidr', cidrRange(cidr.value));
  }

  const address = parseIPv4Fast(text);
  if (!address.ok) return refuse(label, 'invalid', address.error.message);
  return ok(label, 'address', { start: address.value, end: address.value });
}

function ok(text: string, kind: AddressEntryKind, range: IpRange): EntryResult {
  return { ok: true, entry: { text, kind, startIp: formatIPv4(range.start), endIp: formatIPv4(range.end), range } };
}

// ---------------------------------------------------------------------------------------------
// Reading a pasted list

/** One entry of a pasted list: its text as written, its line, and what to read it as. */
export interface PastedItem {
  readonly text: string;
  /** 1-based line of the pasted text. */
  readonly line: number;
  /** The entry to parse: a range's connector (` - `, ` to `, en dash) written `-`, a CIDR's spaces dropped. */
  readonly entry: string;
  /** The subnet mask written after the address (`10.0.0.0 255.255.255.0`). */
  readonly mask?: string;
  /** Why the item cannot be read (a range without its end, a table row of an unknown shape). */
  readonly problem?: { readonly code: RefusalCode; readonly reason: string };
  /**
   * The rule name its comment or its table row gives. A comment shorter than a rule name may be (`# HQ`)
   * is kept as is: the rule is then named after it and its address (`HQ-ip-192-0-2-1`).
   */
  readonly name?: string;
}

const isDotted = (t: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(t);
const isConnector = (t: string): boolean => /^[-–—]+$/.test(t) || /^to$/i.test(t);
const unquote = (t: string): string => t.replace(/^["'([]+|["')\]]+$/g, '');

/** The prefix length of a subnet mask (ones, then zeros), or null. */
function maskLength(mask: number): number | null {
  const hostBits = ~mask >>> 0;
  return (hostBits & (hostBits + 1)) === 0 ? 32 - Math.log2(hostBits + 1) : null;
}

/**
 * Whether a dotted quad written after an address on the same line is meant as its mask: it starts
 * with an octet that starts a subnet mask (128 … 255), or it is a wildcard mask (`0.0.0.255`, as in
 * access lists). Any other dotted quad there is another entry.
 */
function looksLikeMask(t: string): boolean {
  const v = quickIPv4(t);
  if (v === null) return false;
  const first = v >>> 24;
  if ([128, 192, 224, 240, 248, 252, 254, 255].includes(first)) return true;
  return first === 0 && v !== 0 && maskLength(~v >>> 0) !== null;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The tokens of one line (its comment removed) with their positions; quotes around them dropped. */
function tokensOf(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(/[^\s,;]+/g)) {
    const text = unquote(m[0]);
    if (text !== '') out.push({ text, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The entries of one line. Tokens separated by spaces or tabs only may belong together: a range
 * (`a - b`, `a -b`, `a to b`), a CIDR block written with a space (`a /24`), an address and its mask.
 * A comma or a semicolon always separates; so does the end of the line.
 */
/** Only spaces or tabs between two tokens of a line: they may belong together. */
function together(line: string, a: Token, b: Token): boolean {
  for (let k = a.end; k < b.start; k += 1) {
    const c = line.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function entriesOfLine(line: string, lineNumber: number, name: string | undefined): PastedItem[] {
  const trimmed = line.trim();
  if (/^[^\s,;"'()[\]\-–—/]+$/.test(trimmed)) {
    // One token and nothing to join (the common case): no tokenising.
    return [
      name === undefined
        ? { text: trimmed, line: lineNumber, entry: trimmed }
        : { text: trimmed, line: lineNumber, entry: trimmed, name },
    ];
  }
  const tokens = tokensOf(line);
  const out: PastedItem[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    let last = first;
    let entry = first.text;
    let mask: string | undefined;
    let problem: PastedItem['problem'];
    let j = i + 1;
    for (;;) {
      const next = tokens[j];
      if (next === undefined || !together(line, last, next)) break;
      if (isConnector(next.text)) {
        const after = tokens[j + 1];
        last = next;
        j += 1;
        if (after === undefined || !together(line, next, after)) {
          problem = { code: 'incomplete', reason: 'the range has no end on this line (a line break ends an entry).' };
          break;
        }
        entry = `${entry}-${after.text}`;
        last = after;
        j += 1;
      } else if (/[-–—]$/.test(last.text) || /^[-–—]/.test(next.text)) {
        entry = `${entry}-${next.text}`;
        last = next;
        j += 1;
      } else if (last.text.endsWith('/') || next.text.startsWith('/')) {
        entry = `${entry}${next.text}`;
        last = next;
        j += 1;
      } else if (last === first && isDotted(first.text) && looksLikeMask(next.text)) {
        mask = next.text;
        last = next;
        j += 1;
        break;
      } else break;
    }
    out.push({
      text: first === last ? first.text : line.slice(first.start, last.end),
      line: lineNumber,
      entry: /–|—|--/.test(entry) ? entry.replace(/[-–—]+/g, '-') : entry,
      ...(mask === undefined ? {} : { mask }),
      ...(problem === undefined ? {} : { problem }),
      ...(name === undefined ? {} : { name }),
    });
    i = j;
  }
  return out;
}

/**
 * The label a comment gives: letters, digits, `_` and `-` (accents dropped), starting with a letter or
 * digit and not ending with `-`; it may be shorter than a rule name (`HQ`). Undefined when nothing is left.
 */
function labelFromComment(comment: string): string | undefined {
  // Accents are taken off only where there are any (most comments are plain ASCII).
  const ascii = /^[\x20-\x7e]*$/.test(comment) ? comment : comment.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const name = ascii
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, FIREWALL_RULE_NAME_MAX)
    .replace(/-+$/, '');
  return name === '' ? undefined : name;
}

/** A rule name from a comment: letters, digits, `_` and `-` (accents dropped); undefined when too short. */
export function nameFromComment(comment: string): string | undefined {
  const name = labelFromComment(comment);
  return name !== undefined && name.length >= FIREWALL_RULE_NAME_MIN ? name : undefined;
}

/**
 * Where a line's comment starts: a `#` at the start of the line or after a space, a tab, a comma or a
 * semicolon (so that `Office#2` in a name cell stays whole); -1 without one.
 */
function commentStart(line: string): number {
  for (let k = line.indexOf('#'); k >= 0; k = line.indexOf('#', k + 1)) {
    if (k === 0 || /[\s,;]/.test(line.charAt(k - 1))) return k;
  }
  return -1;
}

// ---- Tables (spreadsheet columns, CSV files) ---------------------------------------------------

type Column = 'start' | 'end' | 'name' | 'entry';

/** The role of a header cell, from its words: `Start IP`, `startIpAddress`, `End`, `Rule name`, `CIDR`… */
function columnOf(header: string): Column | null {
  const words = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const has = (...list: string[]) => words.some((w) => list.includes(w));
  if (has('start', 'from', 'first', 'begin', 'low', 'lower')) return 'start';
  if (has('end', 'to', 'last', 'high', 'upper')) return 'end';
  if (has('name', 'rule', 'label', 'description', 'comment', 'site')) return 'name';
  if (has('ip', 'ips', 'address', 'addresses', 'cidr', 'range', 'prefix', 'network', 'subnet', 'block')) return 'entry';
  return null;
}

/** A cell that holds (or tries to hold) an address rather than a name. */
const isAddressCell = (cell: string): boolean => /\d+\.\d+/.test(cell) || cell.includes(':');

interface Table {
  readonly delimiter: string;
  /** Where each column is (-1: none), from the header row; null without a header (rows are read by their cells). */
  readonly at: Readonly<Record<Column, number>> | null;
  /** Index of the header line, or -1. */
  readonly headerLine: number;
}

const cellsOf = (line: string, delimiter: string): string[] => line.split(delimiter).map((c) => unquote(c.trim()));

/**
 * Whether the text is a table: its first line (not blank, not a comment) has tabs (cells copied from
 * a spreadsheet), or is a CSV header (column names between commas or semicolons, one of them a
 * start or an address column). Without such a header, commas separate entries as in any list.
 */
function tableOf(lines: readonly string[]): Table | null {
  const index = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const first = lines[index];
  if (first === undefined) return null;
  for (const delimiter of first.includes('\t') ? ['\t'] : [',', ';']) {
    const cells = cellsOf(first, delimiter);
    if (cells.length < 2) continue;
    const header = cells.every((c) => !isAddressCell(c));
    if (!header) return delimiter === '\t' ? { delimiter, at: null, headerLine: -1 } : null;
    const columns = cells.map(columnOf);
    const at = {
      start: columns.indexOf('start'),
      end: columns.indexOf('end'),
      name: columns.indexOf('name'),
      entry: columns.indexOf('entry'),
    };
    if (at.start >= 0 || at.entry >= 0) return { delimiter, at, headerLine: index };
  }
  return null;
}

function tableItem(text: string, line: number, entry: string, name: string | undefined): PastedItem {
  const ruleName = name === undefined || name === '' ? undefined : labelFromComment(name);
  return ruleName === undefined ? { text, line, entry } : { text, line, entry, name: ruleName };
}

function refusedRow(text: string, line: number, reason: string): PastedItem {
  return { text, line, entry: text, problem: { code: 'table', reason } };
}

function rowItem(cells: readonly string[], table: Table, line: number, text: string): PastedItem {
  const at = table.at;
  if (at !== null) {
    const start = at.start < 0 ? '' : (cells[at.start] ?? '');
    const end = at.end < 0 ? '' : (cells[at.end] ?? '');
    const single = at.entry < 0 ? '' : (cells[at.entry] ?? '');
    const name = at.name < 0 ? undefined : cells[at.name];
    if (start !== '' && end !== '') return tableItem(text, line, `${start}-${end}`, name);
    if (start !== '' || single !== '') return tableItem(text, line, start || single, name);
    return refusedRow(text, line, 'the row has no address in the start column.');
  }
  const addresses: string[] = [];
  const names: string[] = [];
  for (const c of cells) if (c !== '') (isAddressCell(c) ? addresses : names).push(c);
  if (names.length <= 1 && addresses.length === 2)
    return tableItem(text, line, `${addresses[0]}-${addresses[1]}`, names[0]);
  if (names.length <= 1 && addresses.length === 1) return tableItem(text, line, addresses[0] as string, names[0]);
  const filled = cells.filter((c) => c !== '');
  return refusedRow(
    text,
    line,
    `a table row is read as a start address, an end address and a name; this row has ${filled.length} ` +
      `cells (${filled.join(' | ')}).`,
  );
}

/**
 * The rows of a table. As in a list, a comment names the row it ends, and a comment alone on a line
 * names the next row; a name column, where there is one, comes first.
 */
function tableItems(lines: readonly string[], table: Table): PastedItem[] {
  const out: PastedItem[] = [];
  let heading: string | undefined;
  lines.forEach((raw, k) => {
    if (k <= table.headerLine) return;
    const hash = commentStart(raw);
    const body = hash < 0 ? raw : raw.slice(0, hash);
    const comment = hash < 0 ? undefined : labelFromComment(raw.slice(hash + 1));
    const text = body.trim();
    if (text === '') {
      heading = comment;
      return;
    }
    const item = rowItem(cellsOf(body, table.delimiter), table, k + 1, text);
    const name = comment ?? heading;
    out.push(item.name !== undefined || item.problem !== undefined || name === undefined ? item : { ...item, name });
    heading = undefined;
  });
  return out;
}

/**
 * The entries of a pasted text, each with its line number. A line break always ends an entry. On a
 * line, entries are separated by commas, semicolons, tabs or spaces; `a - b`, `a–b` and `a to b` are
 * ranges, `a.b.c.d m.m.m.m` is an address and its subnet mask, `a.b.c.d /n` a CIDR block; quotes
 * around an entry are dropped. `#` starts a comment; the comment names the rules of its line, and a
 * comment alone on a line names the rules of the next line. A table copied from a spreadsheet
 * (tab-separated) or a CSV file with a header row is read by column: start and end, and a name.
 * Whatever cannot be read is refused with its line (see `previewPastedRules`), never guessed.
 */
export function scanPastedText(text: string): PastedItem[] {
  const lines = text.split(/\r\n|\r|\n/);
  const table = tableOf(lines);
  if (table !== null) return tableItems(lines, table);
  const out: PastedItem[] = [];
  let heading: string | undefined;
  lines.forEach((raw, k) => {
    const hash = raw.indexOf('#');
    const body = hash < 0 ? raw : raw.slice(0, hash);
    const comment = hash < 0 ? undefined : labelFromComment(raw.slice(hash + 1));
    if (body.trim() === '') {
      // A comment alone on its line names the rules of the next line; a blank line forgets it.
      heading = comment;
      return;
    }
    out.push(...entriesOfLine(body, k + 1, comment ?? heading));
    heading = undefined;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule names

/**
 * Names unique among the plan's rules and the names already given, compared case-insensitively, in
 * O(1) per name on average: each base remembers the last number it gave, so 10,000 entries named
 * after one comment do not each count up from 2 again.
 */
export class RuleNames {
  private readonly taken = new Set<string>();
  private readonly nextNumber = new Map<string, number>();

  constructor(existing: Iterable<string> = []) {
    for (const name of existing) this.taken.add(name.toLowerCase());
  }

  /** `base`, or `base-2`, `base-3`, … whichever is free, within the length limit; it is then taken. */
  take(base: string): string {
    let name = base.slice(0, FIREWALL_RULE_NAME_MAX);
    if (this.taken.has(name.toLowerCase())) {
      const key = base.toLowerCase();
      for (let n = this.nextNumber.get(key) ?? 2; ; n += 1) {
        const suffix = `-${n}`;
        const candidate = `${base.slice(0, FIREWALL_RULE_NAME_MAX - suffix.length)}${suffix}`;
        if (!this.taken.has(candidate.toLowerCase())) {
          this.nextNumber.set(key, n + 1);
          name = candidate;
          break;
        }
      }
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** The name a rule gets after what it allows (`ip-…`, `net-…`, `range-…`); it passes the name rule (PGN-207). */
export function baseRuleName(entry: AddressEntry): string {
  const start = entry.startIp.replaceAll('.', '-');
  if (entry.kind === 'address') return `ip-${start}`;
  if (entry.kind === 'cidr') return `net-${start}-${32 - Math.log2(entry.range.end - entry.range.start + 1)}`;
  return `range-${start}-to-${entry.endIp.replaceAll('.', '-')}`;
}

/** `base`, or `base-2`, `base-3`, … whichever is not in `taken` (case-insensitive), within the length limit. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  return new RuleNames(taken).take(base);
}

/** A fresh name for an empty row: `rule-1`, `rule-2`, … the first free one. */
export function nextRuleName(existing: readonly { name: string }[]): string {
  const taken = new Set(existing.map((r) => r.name.toLowerCase()));
  for (let n = existing.length + 1; ; n += 1) {
    if (!taken.has(`rule-${n}`)) return `rule-${n}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The preview of a pasted list

interface PastedRule extends AddressEntry {
  readonly name: string;
  readonly line: number;
}

interface Skipped {
  readonly text: string;
  readonly line: number;
  readonly reason: string;
}

interface RefusedEntry extends Refusal {
  readonly line: number;
}

export interface PastePreview {
  /** Rules to add, with generated names, in the order pasted. */
  readonly rules: PastedRule[];
  /** Entries already allowed by an identical rule (same start and end), or listed twice. */
  readonly skipped: Skipped[];
  /** Entries that cannot become firewall rules, with the reason and their line. */
  readonly refused: RefusedEntry[];
  /** Set when the plan's rules and the rules to add together pass the planner's limit (azure.ts). */
  readonly overLimit: { readonly limit: number; readonly total: number } | null;
}

/** `10.0.0.0 255.255.255.0`: a subnet mask (ones, then zeros) and the network address of its block. */
function maskEntry(text: string, addressText: string, maskText: string): EntryResult {
  const address = parseIPv4Fast(addressText);
  if (!address.ok) return refuse(text, 'invalid', `${text}: ${address.error.message}`);
  const mask = quickIPv4(maskText) ?? 0;
  const wildcard = mask >>> 24 === 0;
  const length = maskLength(wildcard ? ~mask >>> 0 : mask);
  if (wildcard && length !== null) {
    return refuse(
      text,
      'mask',
      `${text}: ${maskText} is a wildcard mask (as in access lists), not a subnet mask; ` +
        `write the block as ${formatIPv4(networkOf(address.value, length))}/${length}.`,
    );
  }
  if (length === null) {
    return refuse(text, 'mask', `${text}: ${maskText} is not a subnet mask (ones, then zeros, like 255.255.255.0).`);
  }
  const network = networkOf(address.value, length);
  if (network !== address.value) {
    return refuse(
      text,
      'not-aligned',
      `${text}: ${addressText} is not the network address of its /${length} block, which is ` +
        `${formatIPv4(network)} ${maskText} (${formatIPv4(network)}/${length}).`,
    );
  }
  return ok(text, 'cidr', cidrRange({ start: network, prefixLength: length }));
}

/** An item of a pasted list read as an address entry; its text stays as the user wrote it. */
function readItem(item: PastedItem): EntryResult {
  if (item.problem !== undefined) return refuse(item.text, item.problem.code, `${item.text}: ${item.problem.reason}`);
  if (item.mask !== undefined) return maskEntry(item.text, item.entry, item.mask);
  const r = parseAddressEntry(item.entry, item.text);
  if (!r.ok || r.entry.kind !== 'address' || !looksLikeStrayMask(r.entry.range.start)) return r;
  return refuse(
    item.text,
    'mask',
    `${item.text} looks like a subnet mask, not an address: write the address and its mask on one line ` +
      '(10.0.0.0 255.255.255.0), or the block as a CIDR (10.0.0.0/24).',
  );
}

/**
 * An "address" that is a subnet mask starting at 224 or above (255.255.255.0, 255.255.0.0, …): a
 * mask copied onto a line of its own. No client has such an address (224.0.0.0/3 is multicast and
 * reserved space), so it is refused rather than turned into a rule for the mask itself.
 */
const looksLikeStrayMask = (value: number): boolean => value >>> 24 >= 224 && maskLength(value) !== null;

/** The name a pasted entry's rule is based on: its comment's, its comment's and its address's, or its address's. */
function ruleNameFor(label: string | undefined, entry: AddressEntry): string {
  if (label === undefined) return baseRuleName(entry);
  return label.length >= FIREWALL_RULE_NAME_MIN ? label : `${label}-${baseRuleName(entry)}`;
}

/** What adding the pasted list to the existing rules would do. O(n) in the list and the rules. */
export function previewPastedRules(text: string, existing: readonly FirewallRule[]): PastePreview {
  const names = new RuleNames(existing.map((r) => r.name));
  const byRange = new Map<string, string>();
  for (const rule of existing) {
    const key = `${rule.startIp}-${rule.endIp}`;
    if (!byRange.has(key)) byRange.set(key, `already allowed by rule ${rule.name}`);
  }
  const rules: PastedRule[] = [];
  const skipped: Skipped[] = [];
  const refused: RefusedEntry[] = [];
  for (const item of scanPastedText(text)) {
    const result = readItem(item);
    if (!result.ok) {
      refused.push({ ...result.refusal, line: item.line });
      continue;
    }
    const entry = result.entry;
    const key = `${entry.startIp}-${entry.endIp}`;
    const duplicate = byRange.get(key);
    if (duplicate !== undefined) {
      skipped.push({ text: entry.text, line: item.line, reason: duplicate });
      continue;
    }
    const name = names.take(ruleNameFor(item.name, entry));
    byRange.set(key, `listed twice (already added as ${name})`);
    rules.push({
      text: entry.text,
      kind: entry.kind,
      startIp: entry.startIp,
      endIp: entry.endIp,
      range: entry.range,
      name,
      line: item.line,
    });
  }
  const total = existing.length + rules.length;
  const limit = PLANNER_LIMITS.firewallRules;
  return { rules, skipped, refused, overLimit: rules.length > 0 && total > limit ? { limit, total } : null };
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
    const address = parseIPv4Fast(text);
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
      ? `${text} was turned into its range ${startIp} – ${endIp} (${size}); ` +
        `Azure stores firewall rules as start and end addresses, never as CIDR blocks.`
      : `Range ${text} split into start ${startIp} and end ${endIp} (${size}).`;
  return { changed: true, startIp, endIp, note };
}
