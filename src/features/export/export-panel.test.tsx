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
});
