import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIREWALL_IPV4_ONLY_TEXT, FIREWALL_RULE_NAME_PATTERN, PLANNER_LIMITS } from './azure';
import {
  RuleNames,
  baseRuleName,
  convertStartInput,
  nameFromComment,
  nextRuleName,
  parseAddressEntry,
  previewPastedRules,
  refusedText,
  scanPastedText,
  uniqueName,
  type AddressEntry,
  type PastePreview,
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
  it('refuses a range without its start or its end', () => {
    for (const text of ['-10.0.0.200', '10.0.0.1-']) {
      const r = parseAddressEntry(text);
      expect(r.ok ? '' : r.refusal.code).toBe('incomplete');
    }
  });
  it('refuses an address with a port and says why', () => {
    const r = parseAddressEntry('203.0.113.5:5432');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('port');
  });
});

/** The entries of a pasted text as `line: text`. */
const scanned = (text: string) => scanPastedText(text).map((i) => `${i.line}: ${i.text}`);

describe('scanPastedText', () => {
  it("splits on newlines, commas, semicolons, tabs and spaces, keeping each entry's line", () => {
    expect(scanned('1.1.1.1\n2.2.2.2, 3.3.3.3;4.4.4.4\t5.5.5.5  6.6.6.6\r\n7.7.7.7')).toEqual([
      '1: 1.1.1.1',
      '2: 2.2.2.2',
      '2: 3.3.3.3',
      '2: 4.4.4.4',
      '2: 5.5.5.5',
      '2: 6.6.6.6',
      '3: 7.7.7.7',
    ]);
  });
  it('keeps ranges written with spaces, an en dash or "to" together, as written', () => {
    const items = scanPastedText('1.1.1.1 - 1.1.1.9, 2.2.2.2–2.2.2.3\n3.3.3.1 to 3.3.3.4; 4.4.4.1 -4.4.4.2');
    expect(items.map((i) => [i.text, i.entry])).toEqual([
      ['1.1.1.1 - 1.1.1.9', '1.1.1.1-1.1.1.9'],
      ['2.2.2.2–2.2.2.3', '2.2.2.2-2.2.2.3'],
      ['3.3.3.1 to 3.3.3.4', '3.3.3.1-3.3.3.4'],
      ['4.4.4.1 -4.4.4.2', '4.4.4.1-4.4.4.2'],
    ]);
  });
  it('a line break always ends an entry: a dash at the end or the start of a line joins nothing', () => {
    expect(scanned('10.0.0.1\n- 10.0.0.200')).toEqual(['1: 10.0.0.1', '2: - 10.0.0.200']);
    expect(scanned('10.0.0.1 -\n10.0.0.250')).toEqual(['1: 10.0.0.1 -', '2: 10.0.0.250']);
    expect(scanned('10.0.0.1 -\n# a comment\n10.0.0.250')).toEqual(['1: 10.0.0.1 -', '3: 10.0.0.250']);
    expect(scanPastedText('10.0.0.1 -')[0]?.problem?.code).toBe('incomplete');
  });
  it('reads a CIDR block written with a space before the prefix, and an address with its mask', () => {
    const items = scanPastedText('10.0.0.0 /24\n10.0.1.0 255.255.255.0, 10.0.2.0 0.0.0.255\n10.0.3.1 10.0.3.2');
    expect(items.map((i) => [i.text, i.entry, i.mask])).toEqual([
      ['10.0.0.0 /24', '10.0.0.0/24', undefined],
      ['10.0.1.0 255.255.255.0', '10.0.1.0', '255.255.255.0'],
      ['10.0.2.0 0.0.0.255', '10.0.2.0', '0.0.0.255'],
      ['10.0.3.1', '10.0.3.1', undefined],
      ['10.0.3.2', '10.0.3.2', undefined],
    ]);
  });
  it('drops comments and quotes', () => {
    expect(scanned('# offices\n"203.0.113.0/28" # Dublin\n\'198.51.100.7\'')).toEqual([
      '2: 203.0.113.0/28',
      '3: 198.51.100.7',
    ]);
  });
  it('a comment names the rules of its line; a comment alone on a line, those of the next line', () => {
    const items = scanPastedText(
      '198.51.100.7 # CI runner\n# Dublin office\n203.0.113.0/28, 203.0.114.0/28\n198.51.100.9\n# gone\n\n192.0.2.1',
    );
    expect(items.map((i) => [i.text, i.name])).toEqual([
      ['198.51.100.7', 'CI-runner'],
      ['203.0.113.0/28', 'Dublin-office'],
      ['203.0.114.0/28', 'Dublin-office'],
      ['198.51.100.9', undefined],
      ['192.0.2.1', undefined],
    ]);
  });
  it('returns nothing for blank input', () => {
    expect(scanPastedText('  \n , ;\n')).toEqual([]);
  });
});

describe('tables pasted from a spreadsheet or a CSV file', () => {
  it('two tab-separated columns (Excel): start and end of a range, one row per line', () => {
    expect(scanPastedText('10.0.0.1\t10.0.0.5\n10.0.1.1\t10.0.1.9\n10.0.2.7').map((i) => [i.line, i.entry])).toEqual([
      [1, '10.0.0.1-10.0.0.5'],
      [2, '10.0.1.1-10.0.1.9'],
      [3, '10.0.2.7'],
    ]);
  });
  it('a name column, with or without a header row', () => {
    expect(scanPastedText('office\t203.0.113.0\t203.0.113.15').map((i) => [i.entry, i.name])).toEqual([
      ['203.0.113.0-203.0.113.15', 'office'],
    ]);
    const withHeader = scanPastedText('Rule name\tStart IP\tEnd IP\nhome office\t198.51.100.7\t198.51.100.7');
    expect(withHeader.map((i) => [i.line, i.entry, i.name])).toEqual([[2, '198.51.100.7-198.51.100.7', 'home-office']]);
  });
  it('CSV with a header row, comma or semicolon, columns in any order', () => {
    expect(scanPastedText('start,end\n10.0.0.1,10.0.0.5').map((i) => i.entry)).toEqual(['10.0.0.1-10.0.0.5']);
    expect(
      scanPastedText('endIpAddress;startIpAddress;name\n10.0.0.9;10.0.0.1;"lab"\n;10.0.1.1;').map((i) => [
        i.entry,
        i.name,
      ]),
    ).toEqual([
      ['10.0.0.1-10.0.0.9', 'lab'],
      ['10.0.1.1', undefined],
    ]);
  });
  it('without a header, commas separate entries as in any list', () => {
    expect(scanned('10.0.0.1,10.0.0.5')).toEqual(['1: 10.0.0.1', '1: 10.0.0.5']);
  });
  it('a row it cannot read is refused with its line', () => {
    const preview = previewPastedRules('10.0.0.1\t10.0.0.2\t10.0.0.3\n10.0.1.1\t10.0.1.2', []);
    expect(preview.refused.map((r) => [r.line, r.code, r.reason])).toEqual([
      [
        1,
        'table',
        '10.0.0.1\t10.0.0.2\t10.0.0.3: a table row is read as a start address, an end address and a name; ' +
          'this row has 3 cells (10.0.0.1 | 10.0.0.2 | 10.0.0.3).',
      ],
    ]);
    expect(preview.rules.map((r) => [r.line, r.startIp, r.endIp])).toEqual([[2, '10.0.1.1', '10.0.1.2']]);
  });
});

describe('rule names', () => {
  it('names rules after what they allow', () => {
    expect(baseRuleName(entry('198.51.100.7'))).toBe('ip-198-51-100-7');
    expect(baseRuleName(entry('203.0.113.0/28'))).toBe('net-203-0-113-0-28');
    expect(baseRuleName(entry('192.0.2.1-192.0.2.20'))).toBe('range-192-0-2-1-to-192-0-2-20');
  });
  it('adds a number when the name is taken, comparing case-insensitively', () => {
    expect(uniqueName('office', new Set(['OFFICE']))).toBe('office-2');
    expect(uniqueName('office', new Set(['office', 'office-2']))).toBe('office-3');
  });
  it('keeps counting for a base it has numbered, and never gives a name twice', () => {
    const names = new RuleNames(['office-3']);
    expect(Array.from({ length: 5 }, () => names.take('office'))).toEqual([
      'office',
      'office-2',
      'office-4',
      'office-5',
      'office-6',
    ]);
    expect(names.take('OFFICE-2')).toBe('OFFICE-2-2');
    const many = new RuleNames();
    const given = Array.from({ length: 10_000 }, () => many.take('office'));
    expect(new Set(given.map((n) => n.toLowerCase())).size).toBe(10_000);
    expect(given[9_999]).toBe('office-10000');
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
            const names = new RuleNames();
            names.take(baseRuleName(entry(text)));
            expect(names.take(baseRuleName(entry(text)))).toMatch(FIREWALL_RULE_NAME_PATTERN);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  it('names from comments pass the name rule, or there is none', () => {
    expect(nameFromComment(' Zürich office (main) ')).toBe('Zurich-office-main');
    expect(nameFromComment('--ab')).toBeUndefined();
    expect(nameFromComment('x'.repeat(100))).toHaveLength(80);
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (comment) => {
        const name = nameFromComment(comment);
        if (name !== undefined) expect(name).toMatch(FIREWALL_RULE_NAME_PATTERN);
      }),
      { numRuns: 300 },
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
      { text: '203.0.113.0/28', line: 2, reason: 'already allowed by rule office-dublin' },
      { text: '198.51.100.7', line: 5, reason: 'listed twice (already added as ip-198-51-100-7)' },
    ]);
    expect(preview.refused.map((r) => [r.line, r.text, r.code])).toEqual([
      [3, '2001:db8::1', 'ipv6'],
      [6, '10.0.0.300', 'invalid'],
    ]);
    expect(preview.overLimit).toBeNull();
    expect(preview.refused[0]?.reason).toBe(FIREWALL_IPV4_ONLY_TEXT);
    expect(refusedText(preview)).toBe('2001:db8::1\n10.0.0.300');
  });

  it('never reuses an existing name', () => {
    const taken: FirewallRule[] = [{ name: 'IP-198-51-100-7', startIp: '198.51.100.8', endIp: '198.51.100.8' }];
    expect(previewPastedRules('198.51.100.7', taken).rules[0]?.name).toBe('ip-198-51-100-7-2');
  });

  /** The preview as `line: name start–end` for rules and `line: code text: reason` for refusals. */
  const summary = (p: PastePreview) => ({
    rules: p.rules.map((r) => `${r.line}: ${r.name} ${r.startIp}–${r.endIp}`),
    refused: p.refused.map((r) => `${r.line}: ${r.code} ${r.reason}`),
  });

  it('a line break ends an entry: two lines are never one rule', () => {
    expect(summary(previewPastedRules('10.0.0.1\n- 10.0.0.200', []))).toEqual({
      rules: ['1: ip-10-0-0-1 10.0.0.1–10.0.0.1'],
      refused: ['2: incomplete Range - 10.0.0.200 has no start address; write a range as start-end on one line.'],
    });
    expect(summary(previewPastedRules('10.0.0.1 -\n# lab\n10.0.0.250', []))).toEqual({
      rules: ['3: lab 10.0.0.250–10.0.0.250'],
      refused: ['1: incomplete 10.0.0.1 -: the range has no end on this line (a line break ends an entry).'],
    });
  });

  it('reads "x to y", "a.b.c.d /n" and an address with its subnet mask', () => {
    expect(summary(previewPastedRules('10.0.0.1 to 10.0.0.5\n10.0.1.0 /24\n10.0.2.0 255.255.254.0', []))).toEqual({
      rules: [
        '1: range-10-0-0-1-to-10-0-0-5 10.0.0.1–10.0.0.5',
        '2: net-10-0-1-0-24 10.0.1.0–10.0.1.255',
        '3: net-10-0-2-0-23 10.0.2.0–10.0.3.255',
      ],
      refused: [],
    });
  });

  it('refuses a mask that is not one, a misaligned block, a wildcard mask and a mask on its own line', () => {
    const text = ['10.0.0.5 255.255.255.0', '10.0.0.0 255.0.255.0', '10.0.0.0 0.0.0.255', '10.1.0.0', '255.255.0.0'];
    expect(summary(previewPastedRules(text.join('\n'), []))).toEqual({
      rules: ['4: ip-10-1-0-0 10.1.0.0–10.1.0.0'],
      refused: [
        '1: not-aligned 10.0.0.5 255.255.255.0: 10.0.0.5 is not the network address of its /24 block, which is ' +
          '10.0.0.0 255.255.255.0 (10.0.0.0/24).',
        '2: mask 10.0.0.0 255.0.255.0: 255.0.255.0 is not a subnet mask (ones, then zeros, like 255.255.255.0).',
        '3: mask 10.0.0.0 0.0.0.255: 0.0.0.255 is a wildcard mask (as in access lists), not a subnet mask; ' +
          'write the block as 10.0.0.0/24.',
        '5: mask 255.255.0.0 looks like a subnet mask, not an address: write the address and its mask on one ' +
          'line (10.0.0.0 255.255.255.0), or the block as a CIDR (10.0.0.0/24).',
      ],
    });
  });

  it('turns a two-column table into ranges and names rules after the name column or a comment', () => {
    const table = previewPastedRules('Name\tStart\tEnd\nDublin\t203.0.113.0\t203.0.113.15\nCork\t198.51.100.7\t', []);
    expect(summary(table).rules).toEqual(['2: Dublin 203.0.113.0–203.0.113.15', '3: Cork 198.51.100.7–198.51.100.7']);
    const commented = previewPastedRules('# CI runners\n192.0.2.1, 192.0.2.9 # build\n192.0.2.7', []);
    expect(summary(commented).rules).toEqual([
      '2: build 192.0.2.1–192.0.2.1',
      '2: build-2 192.0.2.9–192.0.2.9',
      '3: ip-192-0-2-7 192.0.2.7–192.0.2.7',
    ]);
    expect(
      previewPastedRules('# office\n192.0.2.1', [{ name: 'Office', startIp: '1.1.1.1', endIp: '1.1.1.1' }]).rules[0]
        ?.name,
    ).toBe('office-2');
  });

  it('names rules after a comment in a spreadsheet row, or a comment alone on the line before it', () => {
    const table = previewPastedRules(
      '198.51.100.1\t198.51.100.9 # Dublin office\n# Cork\n203.0.113.1\t203.0.113.5\n192.0.2.1\t192.0.2.2',
      [],
    );
    expect(table.refused).toEqual([]);
    expect(summary(table).rules).toEqual([
      '1: Dublin-office 198.51.100.1–198.51.100.9',
      '3: Cork 203.0.113.1–203.0.113.5',
      '4: range-192-0-2-1-to-192-0-2-2 192.0.2.1–192.0.2.2',
    ]);
    // A name column comes first; a # inside a name is part of it.
    const named = previewPastedRules('Name,Start,End\nOffice#2,192.0.2.1,192.0.2.3 # ignored\n', []);
    expect(summary(named).rules).toEqual(['2: Office-2 192.0.2.1–192.0.2.3']);
  });

  it('names a rule after a comment too short to be a name, followed by its address', () => {
    const preview = previewPastedRules('192.0.2.1 # HQ\n# 7\n203.0.113.0/28', []);
    expect(summary(preview).rules).toEqual([
      '1: HQ-ip-192-0-2-1 192.0.2.1–192.0.2.1',
      '3: 7-net-203-0-113-0-28 203.0.113.0–203.0.113.15',
    ]);
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (comment) => {
        const rule = previewPastedRules(`192.0.2.1 # ${comment.replace(/[\r\n]/g, ' ')}`, []).rules[0];
        expect(rule?.name).toMatch(FIREWALL_RULE_NAME_PATTERN);
      }),
      { numRuns: 300 },
    );
  });

  it("says when the rules to add would pass the planner's limit", () => {
    const limit = PLANNER_LIMITS.firewallRules;
    const existing = Array.from({ length: limit - 5 }, (_, i) => ({
      name: `r-${i}`,
      startIp: formatIPv4(0x14000000 + i),
      endIp: formatIPv4(0x14000000 + i),
    }));
    const text = Array.from({ length: 8 }, (_, i) => formatIPv4(0xc6336400 + i)).join('\n');
    expect(previewPastedRules(text, existing).overLimit).toEqual({ limit, total: limit + 3 });
    expect(previewPastedRules(text, existing.slice(3)).overLimit).toBeNull();
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
