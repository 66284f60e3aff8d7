import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { largePlan, typicalPlan } from '../../domain/samples';
import { PLAN_LOAD_ERROR_KINDS } from '../../share/errors';
import { MAX_PLAN_FILE_BYTES, serializePlanFile } from '../../share/plan-file';
import { LinkErrorNotice, linkErrorTitle } from './link-error-notice';
import { PlanFileControls, readPlanFile } from './plan-file-controls';
import { ShareLinkButton } from './share-link-button';

describe('ShareLinkButton', () => {
  it('offers "Copy share link" and a live status region; no warning for a short link', () => {
    const html = renderToStaticMarkup(<ShareLinkButton plan={typicalPlan()} baseUrl="http://localhost:5173/" />);
    expect(html).toContain('>Copy share link</button>');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('Download plan file');
    expect(html).not.toContain('characters long');
  });

  it('past 8,000 characters says so and offers the plan file instead', () => {
    const html = renderToStaticMarkup(<ShareLinkButton plan={largePlan()} baseUrl="http://localhost:5173/" />);
    expect(html).toMatch(/This link is [\d,]+ characters long\. Links over 8,000 characters/);
    expect(html).toContain('>Download plan file</button>');
    // The warning describes the copy button, so screen readers hear it with the button.
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(describedBy).toBeDefined();
    expect(html).toContain(`id="${describedBy}"`);
  });
});

describe('PlanFileControls', () => {
  it('has the download and open buttons and a file input limited to .json', () => {
    const html = renderToStaticMarkup(<PlanFileControls plan={typicalPlan()} onOpen={() => undefined} />);
    expect(html).toContain('>Download plan (.json)</button>');
    expect(html).toContain('>Open plan file…</button>');
    expect(html).toContain('accept=".json,application/json"');
    expect(html).toContain('drop a plan file (.json) here');
    expect(html).toContain('role="status"');
  });

  it('reads a dropped or picked file through parsePlanFile', async () => {
    const text = serializePlanFile(typicalPlan());
    const ok = await readPlanFile({ size: text.length, text: () => Promise.resolve(text) });
    expect(ok.ok && ok.plan).toEqual(typicalPlan());
    const bad = await readPlanFile({ size: 5, text: () => Promise.resolve('{ "a"') });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-json', line: 1 } });
    const unreadable = await readPlanFile({ size: 5, text: () => Promise.reject(new Error('permission denied')) });
    expect(unreadable).toMatchObject({
      ok: false,
      error: { kind: 'corrupted', message: expect.stringContaining('permission denied') },
    });
  });

  it('refuses an oversized file without reading it', async () => {
    const r = await readPlanFile({
      size: MAX_PLAN_FILE_BYTES + 1,
      text: () => Promise.reject(new Error('must not be read')),
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });
});

describe('LinkErrorNotice', () => {
  it.each(PLAN_LOAD_ERROR_KINDS)('%s: an alert with a title for the kind, the message, and the reassurance', (kind) => {
    const html = renderToStaticMarkup(<LinkErrorNotice error={{ kind, message: 'Details here.' }} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain(linkErrorTitle(kind));
    expect(html).toContain('Details here.');
    expect(html).toContain('Your current plan was left untouched.');
  });

  it('names each kind differently, for links and for files', () => {
    for (const source of ['link', 'file'] as const) {
      const titles = PLAN_LOAD_ERROR_KINDS.map((k) => linkErrorTitle(k, source));
      expect(new Set(titles).size).toBe(titles.length);
    }
    expect(linkErrorTitle('truncated')).toMatch(/cut off/);
    expect(linkErrorTitle('corrupted')).toMatch(/damaged/);
    expect(linkErrorTitle('newer-version')).toMatch(/newer version/);
    expect(linkErrorTitle('not-a-plan-link')).toMatch(/not a plan link/);
  });

  it('offers Dismiss only when it can be dismissed', () => {
    const error = { kind: 'corrupted' as const, message: 'x' };
    expect(renderToStaticMarkup(<LinkErrorNotice error={error} />)).not.toContain('Dismiss');
    expect(renderToStaticMarkup(<LinkErrorNotice error={error} onDismiss={() => undefined} />)).toContain(
      '>Dismiss</button>',
    );
  });
});
