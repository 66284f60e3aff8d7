import { describe, expect, it } from 'vitest';
import { floorPage } from './floor-page';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <title>Planner</title>
    <script src="./assets/paint-gate-abc.js"></script>
    <script type="module" crossorigin src="./assets/index-123.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/store-456.js">
    <link rel="stylesheet" crossorigin href="./assets/index-789.css">
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <div id="root" inert><div class="app"><h1>Planner</h1></div></div>
  </body>
</html>
`;

describe('floorPage', () => {
  it('removes the scripts and module preloads and keeps the markup and stylesheets', () => {
    const floor = floorPage(PAGE);
    expect(floor).not.toContain('<script');
    expect(floor).not.toContain('modulepreload');
    expect(floor).toContain('<link rel="stylesheet" crossorigin href="./assets/index-789.css">');
    expect(floor).toContain('<link rel="icon" href="./favicon.svg" type="image/svg+xml" />');
    expect(floor).toContain('<div id="root" inert><div class="app"><h1>Planner</h1></div></div>');
    expect(floor.split('\n')).toHaveLength(PAGE.split('\n').length - 3);
  });

  it('refuses a page whose script it cannot remove', () => {
    expect(() => floorPage('<body><script src="a.js"></body>')).toThrow('still has a script');
  });
});
