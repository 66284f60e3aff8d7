import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../exporters/test-plans';
import ExportPanel from './export-panel';

describe('ExportPanel (static render)', () => {
  it('renders a tab per format, the ARM files and a highlighted preview', () => {
    const html = renderToStaticMarkup(<ExportPanel plan={examplePlan('public-office')} errors={[]} />);
    expect(html).toContain('role="tablist"');
    expect([...html.matchAll(/role="tab"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      'ARM',
      'Terraform',
      'Bicep',
      'Azure CLI',
    ]);
    expect(html).toContain('role="tabpanel"');
    expect(html).toContain('azuredeploy.json');
    expect(html).toContain('azuredeploy.parameters.json');
    expect(html).toContain('tok tok--string');
    expect(html).not.toContain('Export anyway');
    expect(html).toMatch(/<button type="button" class="button button--primary">Download all \(\.zip\)<\/button>/);
  });

  it('with error findings: downloads wait for "Export anyway"', () => {
    const html = renderToStaticMarkup(
      <ExportPanel
        plan={examplePlan('public-office')}
        errors={[{ ruleId: 'PGN-001', severity: 'error', message: 'm', path: 'servers.0.name', docs: '' }]}
      />,
    );
    expect(html).toContain('Export anyway');
    expect(html).toMatch(
      /<button type="button" class="button button--primary" disabled="">Download all \(\.zip\)<\/button>/,
    );
    expect(html).toContain('PGN-001 servers.0.name: m');
  });

  it('a plan holding a value no file can carry safely: says why, offers nothing to download, never crashes', () => {
    const plan = examplePlan('public-office');
    const hostile = { ...plan, servers: [{ ...plan.servers[0]!, name: 'pg\u0000x' }] };
    const html = renderToStaticMarkup(
      <ExportPanel
        plan={hostile}
        errors={[{ ruleId: 'PGN-001', severity: 'error', message: 'm', path: 'servers.0.name', docs: '' }]}
      />,
    );
    expect(html).toContain(
      'Not exported: the server name &quot;pg\\u0000x&quot; cannot be written safely: it contains the control ' +
        'character U+0000.',
    );
    expect(html).not.toContain('azuredeploy.json');
    expect(html).toMatch(
      /<button type="button" class="button button--primary" disabled="">Download all \(\.zip\)<\/button>/,
    );
  });
});
