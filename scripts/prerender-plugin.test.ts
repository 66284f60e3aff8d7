import { describe, expect, it } from 'vitest';
import { chunksOf, injectFirstScreen, takeEntryScript } from './prerender-plugin';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Planner</title>
    <script type="module" crossorigin src="./assets/index-1.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const screen = {
  rootId: 'root',
  markup: '<div class="app"><p>Costs $1 or $&amp; more</p></div>',
  gateScript: () => '',
};

describe('injectFirstScreen', () => {
  it('puts the markup into the inert root and the gate at the end of the head, after the stylesheet', () => {
    const html = injectFirstScreen(PAGE, screen, './assets/gate-x.js');
    expect(html).toContain(`<div id="root" inert>${screen.markup}</div>`);
    const gate = html.indexOf('<script src="./assets/gate-x.js"></script>');
    expect(gate).toBeGreaterThan(html.indexOf('<link rel="stylesheet"'));
    expect(gate).toBeLessThan(html.indexOf('</head>'));
    expect(html).toBe(
      PAGE.replace('<div id="root"></div>', () => `<div id="root" inert>${screen.markup}</div>`).replace(
        '  </head>',
        '    <script src="./assets/gate-x.js"></script>\n  </head>',
      ),
    );
  });

  it('refuses a page without exactly one empty root', () => {
    expect(() => injectFirstScreen(PAGE.replace('<div id="root"></div>', ''), screen, 'g.js')).toThrow(
      'no empty <div id="root"></div>',
    );
    const twice = PAGE.replace('<div id="root"></div>', '<div id="root"></div><div id="root"></div>');
    expect(() => injectFirstScreen(twice, screen, 'g.js')).toThrow('more than one');
  });
});

describe('takeEntryScript', () => {
  it("removes the page's module script, line and all, and gives its address", () => {
    const { html, src } = takeEntryScript(PAGE);
    expect(src).toBe('./assets/index-1.js');
    expect(html).toBe(PAGE.replace('    <script type="module" crossorigin src="./assets/index-1.js"></script>\n', ''));
  });

  it('refuses a page with no module script, or more than one', () => {
    expect(() => takeEntryScript(PAGE.replace(/ *<script type="module".*\n/, ''))).toThrow('0 module scripts');
    const two = PAGE.replace('</head>', '<script type="module" src="./assets/other.js"></script></head>');
    expect(() => takeEntryScript(two)).toThrow('2 module scripts');
  });
});

describe('chunksOf', () => {
  const bundle = {
    'entry.js': { type: 'chunk' as const, moduleIds: ['/src/main.tsx'], imports: ['runtime.js'] },
    'runtime.js': { type: 'chunk' as const, moduleIds: ['\0runtime'], imports: [] },
    'start.js': {
      type: 'chunk' as const,
      moduleIds: ['/src/app/start.tsx', '/src/app/app.tsx'],
      imports: ['runtime.js'],
    },
    'rules.js': { type: 'chunk' as const, moduleIds: ['/src/rules/index.ts'], imports: ['shared.js', 'start.js'] },
    'shared.js': { type: 'chunk' as const, moduleIds: ['/src/domain/ipv4.ts'], imports: ['start.js'] },
    'style.css': { type: 'asset' as const },
  };

  it('gives the chunks of the modules and what they import, each after its imports, without the skipped', () => {
    expect(chunksOf(bundle, ['/src/rules/index.ts'], new Set(['entry.js', 'runtime.js']))).toEqual([
      'start.js',
      'shared.js',
      'rules.js',
    ]);
    expect(chunksOf(bundle, ['/src/app/app.tsx', '/src/rules/index.ts'])).toEqual([
      'runtime.js',
      'start.js',
      'shared.js',
      'rules.js',
    ]);
  });

  it('refuses a module no chunk holds', () => {
    expect(() => chunksOf(bundle, ['/src/nowhere.ts'])).toThrow('No chunk of the build holds /src/nowhere.ts.');
  });
});
