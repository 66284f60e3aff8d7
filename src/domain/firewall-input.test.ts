import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIREWALL_IPV4_ONLY_TEXT, FIREWALL_RULE_NAME_PATTERN } from './azure';
import {
  convertStartInput,
  nextRuleName,
  parseAddressEntry,
  previewPastedRules,
  refusedText,
  ruleNameFor,
  splitPastedList,
  uniqueName,
  type AddressEntry,
} from './firewall-input';
import { formatIPv4 } from './ipv4';
import type { FirewallRule } from './plan';

const entry = (text: string): AddressEntry => {
  const r = parseAddressEntry(text);
  if (!r.ok) throw new Error(r.refusal.reason);
  return r.entry;
};

describe('parseAddressEntry', () => {
  it('reads a single address as a one-address range', () => {
    expect(entry('198.51.100.7')).toMatchObject({ kind: 'address', startIp: '198.51.100.7', endIp: '198.51.100.7' });
  });
  it('turns a CIDR block into its start and end (never kept as a CIDR)', () => {
    expect(entry('203.0.113.0/28')).toMatchObject({ kind: 'cidr', startIp: '203.0.113.0', endIp: '203.0.113.15' });
    expect(entry('192.0.2.7/32')).toMatchObject({ startIp: '192.0.2.7', endIp: '192.0.2.7' });
    expect(entry('0.0.0.0/0')).toMatchObject({ startIp: '0.0.0.0', endIp: '255.255.255.255' });
  });
  it('reads a start-end range, with or without spaces around the dash', () => {
    expect(entry('192.0.2.1-192.0.2.20')).toMatchObject({ kind: 'range', startIp: '192.0.2.1', endIp: '192.0.2.20' });
    expect(entry(' 192.0.2.1 - 192.0.2.20 ')).toMatchObject({ startIp: '192.0.2.1', endIp: '192.0.2.20' });
  });
  it('refuses IPv6 with the documented wording (PGN-202)', () => {
    for (const text of ['2001:db8::1', '2001:db8::/32', '::1', 'fe80::1%eth0', '2001:db8::1-2001:db8::ff']) {
      const r = parseAddressEntry(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refusal.code).toBe('ipv6');
        expect(r.refusal.reason).toBe(FIREWALL_IPV4_ONLY_TEXT);
      }
    }
  });
  it('refuses a block that is not a network address and names the block to use', () => {
    const r = parseAddressEntry('203.0.113.5/28');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.code).toBe('not-aligned');
      expect(r.refusal.reason).toContain('203.0.113.0/28');
    }
  });
  it('refuses a reversed range and shows it the right way round', () => {
    const r = parseAddressEntry('192.0.2.20-192.0.2.1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.reason).toContain('192.0.2.1-192.0.2.20');
  });
  it('refuses malformed addresses with the address parser message', () => {
    const bad = parseAddressEntry('10.0.0.256');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.refusal.reason).toContain('256 is above 255');
    const zeros = parseAddressEntry('010.0.0.1');
    expect(zeros.ok).toBe(false);
    if (!zeros.ok) expect(zeros.refusal.reason).toContain('10.0.0.1');
    expect(parseAddressEntry('office').ok).toBe(false);
    expect(parseAddressEntry('').ok).toBe(false);
  });
  it('refuses an address with a port and says why', () => {
    const r = parseAddressEntry('203.0.113.5:5432');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('port');
  });
});

describe('splitPastedList', () => {
  it('splits on newlines, commas, semicolons, tabs and spaces', () => {
    expect(splitPastedList('1.1.1.1\n2.2.2.2, 3.3.3.3;4.4.4.4\t5.5.5.5  6.6.6.6\r\n7.7.7.7')).toEqual([
      '1.1.1.1',
      '2.2.2.2',
      '3.3.3.3',
      '4.4.4.4',
      '5.5.5.5',
      '6.6.6.6',
      '7.7.7.7',
    ]);
  });
  it('keeps ranges written with spaces or an en dash together', () => {
    expect(splitPastedList('1.1.1.1 - 1.1.1.9, 2.2.2.2–2.2.2.3')).toEqual(['1.1.1.1-1.1.1.9', '2.2.2.2-2.2.2.3']);
  });
  it('drops comments and quotes', () => {
    expect(splitPastedList('# offices\n"203.0.113.0/28" # Dublin\n\'198.51.100.7\'')).toEqual([
      '203.0.113.0/28',
      '198.51.100.7',
    ]);
  });
  it('returns nothing for blank input', () => {
    expect(splitPastedList('  \n , ;\n')).toEqual([]);
  });
});

describe('rule names', () => {
  it('names rules after what they allow', () => {
    const none = new Set<string>();
    expect(ruleNameFor(entry('198.51.100.7'), none)).toBe('ip-198-51-100-7');
    expect(ruleNameFor(entry('203.0.113.0/28'), none)).toBe('net-203-0-113-0-28');
    expect(ruleNameFor(entry('192.0.2.1-192.0.2.20'), none)).toBe('range-192-0-2-1-to-192-0-2-20');
  });
  it('adds a number when the name is taken, comparing case-insensitively', () => {
    expect(uniqueName('office', new Set(['OFFICE']))).toBe('office-2');
    expect(uniqueName('office', new Set(['office', 'office-2']))).toBe('office-3');
  });
  it('stays within 80 characters', () => {
    const long = 'a'.repeat(90);
    expect(uniqueName(long, new Set())).toHaveLength(80);
    expect(uniqueName(long, new Set(['a'.repeat(80)]))).toBe(`${'a'.repeat(78)}-2`);
  });
  it('generated names always pass the name rule (PGN-207)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 32 }),
        (a, b, p) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const size = 2 ** (32 - p);
          const network = Math.floor(lo / size) * size;
          const texts = [formatIPv4(lo), `${formatIPv4(lo)}-${formatIPv4(hi)}`, `${formatIPv4(network)}/${p}`];
          for (const text of texts) {
            const name = ruleNameFor(entry(text), new Set([ruleNameFor(entry(text), new Set())]));
            expect(name).toMatch(FIREWALL_RULE_NAME_PATTERN);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  it('suggests the first free rule-N for a new row', () => {
    expect(nextRuleName([])).toBe('rule-1');
    expect(nextRuleName([{ name: 'office' }, { name: 'rule-2' }])).toBe('rule-3');
    expect(nextRuleName([{ name: 'Rule-2' }, { name: 'rule-3' }])).toBe('rule-4');
  });
});

describe('previewPastedRules', () => {
  const existing: FirewallRule[] = [{ name: 'office-dublin', startIp: '203.0.113.0', endIp: '203.0.113.15' }];

  it('adds valid entries with names, skips duplicates and refuses the rest', () => {
    const preview = previewPastedRules(
      ['198.51.100.7', '203.0.113.0/28', '2001:db8::1', '192.0.2.1-192.0.2.20', '198.51.100.7', '10.0.0.300'].join(
        '\n',
      ),
      existing,
    );
    expect(preview.rules.map((r) => [r.name, r.startIp, r.endIp])).toEqual([
      ['ip-198-51-100-7', '198.51.100.7', '198.51.100.7'],
      ['range-192-0-2-1-to-192-0-2-20', '192.0.2.1', '192.0.2.20'],
    ]);
    expect(preview.skipped).toEqual([
      { text: '203.0.113.0/28', reason: 'already allowed by rule office-dublin' },
      { text: '198.51.100.7', reason: 'listed twice (already added as ip-198-51-100-7)' },
    ]);
    expect(preview.refused.map((r) => [r.text, r.code])).toEqual([
      ['2001:db8::1', 'ipv6'],
      ['10.0.0.300', 'invalid'],
    ]);
    expect(preview.refused[0]?.reason).toBe(FIREWALL_IPV4_ONLY_TEXT);
    expect(refusedText(preview)).toBe('2001:db8::1\n10.0.0.300');
  });

  it('never reuses an existing name', () => {
    const taken: FirewallRule[] = [{ name: 'IP-198-51-100-7', startIp: '198.51.100.8', endIp: '198.51.100.8' }];
    expect(previewPastedRules('198.51.100.7', taken).rules[0]?.name).toBe('ip-198-51-100-7-2');
  });

  it('handles a long list in one pass', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => formatIPv4(0xc6336400 + i));
    const preview = previewPastedRules(lines.join(','), []);
    expect(preview.rules).toHaveLength(2000);
    expect(new Set(preview.rules.map((r) => r.name)).size).toBe(2000);
  });
});

describe('convertStartInput', () => {
  it('turns a CIDR typed into the start field into start and end', () => {
    const c = convertStartInput('203.0.113.0/28', '');
    expect(c).toMatchObject({ changed: true, startIp: '203.0.113.0', endIp: '203.0.113.15' });
    if (c.changed) expect(c.note).toContain('203.0.113.0 – 203.0.113.15 (16 addresses)');
  });
  it('replaces an end that was already there when a CIDR is typed', () => {
    expect(convertStartInput('198.51.100.0/30', '198.51.100.200')).toMatchObject({
      startIp: '198.51.100.0',
      endIp: '198.51.100.3',
    });
  });
  it('splits a range typed into the start field', () => {
    expect(convertStartInput('192.0.2.1 - 192.0.2.9', '')).toMatchObject({
      changed: true,
      startIp: '192.0.2.1',
      endIp: '192.0.2.9',
    });
  });
  it('fills an empty end with a single start address, and leaves a filled end alone', () => {
    expect(convertStartInput('198.51.100.7', '')).toMatchObject({
      changed: true,
      startIp: '198.51.100.7',
      endIp: '198.51.100.7',
    });
    expect(convertStartInput('198.51.100.7', '198.51.100.9')).toEqual({ changed: false, note: null });
  });
  it('leaves IPv6 and malformed text for the rules to report', () => {
    expect(convertStartInput('2001:db8::1', '')).toEqual({ changed: false, note: null });
    expect(convertStartInput('2001:db8::/64', '')).toEqual({ changed: false, note: null });
    expect(convertStartInput('1.2.3', '')).toEqual({ changed: false, note: null });
    expect(convertStartInput('', '')).toEqual({ changed: false, note: null });
  });
  it('explains a block that is not a network address without changing it', () => {
    const c = convertStartInput('203.0.113.5/28', '');
    expect(c.changed).toBe(false);
    expect(c.note).toContain('Use 203.0.113.0/28');
  });
});
