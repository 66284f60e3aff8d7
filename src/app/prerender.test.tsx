import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../store/store';
import { GATE_ATTRIBUTE, ROOT_ID } from './first-paint';
import { renderFirstScreen, withFieldValues } from './prerender';

describe('renderFirstScreen', () => {
  const screen = renderFirstScreen();

  it('renders the header, the step list, the Basics step with its labels and the Checks panel', () => {
    expect(screen.rootId).toBe(ROOT_ID);
    const { markup } = screen;
    expect(markup).toContain('<h1>PostgreSQL flexible server <span class="app__brand-sub">network planner</span></h1>');
    for (const step of ['Basics', 'Connectivity method', 'Virtual network', 'Review'])
      expect(markup).toContain(`<span class="steplist__label">${step}</span>`);
    for (const label of ['Plan name', 'Server name', 'Region', 'PostgreSQL version', 'High availability'])
      expect(markup).toMatch(new RegExp(`<label class="field__label" for="[^"]+">${label}</label>`));
    expect(markup).toContain('<h2 id="summary-title" class="summary__title">Checks</h2>');
  });

  it("renders the store's initial plan (the one a first visit starts with), values included", () => {
    expect(screen.markup).toMatch(/<input value="Untitled plan" id="[^"]+" [^>]*name="name"\/>/);
    expect(screen.markup).toMatch(/<input value="westeurope" id="[^"]+" [^>]*name="servers.0.region"\/>/);
    expect(screen.markup).toMatch(/<input value="" id="[^"]+" [^>]*name="servers.0.name"\/>/);
    expect(screen.markup).toContain('<option value="17" selected="">PostgreSQL <!-- -->17<!-- --> (default)</option>');
    expect(screen.markup).toContain('<option value="Disabled" selected="">Disabled</option>');
    expect(screen.markup).toMatch(/Step <!-- -->1<!-- --> of <!-- -->\d+/);
  });

  it("builds the gate from the store's key, the entry's address and the modules to preload", () => {
    const gate = screen.gateScript('./index-abc.js', { gated: ['./assets/start-1.js'], link: ['./assets/link-2.js'] });
    expect(gate).toContain(JSON.stringify(STORAGE_KEY));
    expect(gate).toContain(JSON.stringify(GATE_ATTRIBUTE));
    expect(gate).toContain('import("./index-abc.js")');
    expect(gate).toContain('preload(["./assets/start-1.js"])');
    expect(gate).toContain('preload(["./assets/link-2.js"])');
  });
});

describe('withFieldValues', () => {
  const plan = { name: 'A "quoted" <plan> & more', servers: [{ version: '16', port: 5432, ha: true, off: false }] };

  it('gives each named input its value, escaped, and ticks a box that is true', () => {
    const html = withFieldValues(
      '<input id="a" name="name"/><input name="servers.0.port"/>' +
        '<input type="checkbox" name="servers.0.ha"/><input type="checkbox" name="servers.0.off"/>',
      plan,
    );
    expect(html).toBe(
      '<input value="A &quot;quoted&quot; &lt;plan&gt; &amp; more" id="a" name="name"/>' +
        '<input value="5432" name="servers.0.port"/>' +
        '<input checked="" type="checkbox" name="servers.0.ha"/><input type="checkbox" name="servers.0.off"/>',
    );
  });

  it("selects the plan's option", () => {
    const select =
      '<select name="servers.0.version"><option value="15">15</option><option value="16">16</option></select>';
    expect(withFieldValues(select, plan)).toBe(
      '<select name="servers.0.version"><option value="15">15</option>' +
        '<option value="16" selected="">16</option></select>',
    );
  });

  it('leaves alone what it cannot fill: no name, no value in the plan, an unknown option, a value already set', () => {
    const untouched = [
      '<input id="x"/>',
      '<input name="servers.1.name"/>',
      '<input name="servers.0.ha"/>',
      '<input value="kept" name="name"/>',
      '<select name="name"><option value="other">other</option></select>',
      '<select name="servers.0.version"><option value="16" selected="">16</option>' +
        '<option value="15">15</option></select>',
    ];
    for (const html of untouched) expect(withFieldValues(html, plan)).toBe(html);
  });
});
