import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { usePlanner, type AutosaveStatus } from '../../store/store';
import { StorageMessageList } from './storage-messages';
import { StorageNotices } from './storage-notices';

const show = (autosave: Partial<AutosaveStatus>) =>
  renderToStaticMarkup(
    <StorageMessageList
      status={{ kept: [], saveError: null, conflict: null, ...autosave }}
      actions={usePlanner.getState()}
    />,
  );
const alerts = (html: string) => html.match(/role="alert"/g)?.length ?? 0;

describe('the autosave messages', () => {
  it('say nothing when there is nothing to say', () => {
    expect(renderToStaticMarkup(<StorageNotices />)).toBe('');
  });

  it('an unreadable saved state: what went wrong, that a new plan was started, its download and Dismiss', () => {
    const html = show({ kept: [{ key: 'k', text: 'x', problems: ['it is not valid JSON'], whole: true }] });
    expect(alerts(html)).toBe(1);
    expect(html).toContain('The plan saved in this browser could not be read:</strong> it is not valid JSON.');
    expect(html).toContain('A new plan was started.');
    expect(html).toContain('kept in this browser until you dismiss this message');
    expect(html).toContain('>Download saved text</button>');
    expect(html).toContain('>Dismiss</button>');
  });

  it('a part left out: names it and says the rest opened; a copy that could not be set aside says saving waits', () => {
    const html = show({
      kept: [{ key: null, text: 'x', problems: ['the wizard step ("x" is not a step)'], whole: false }],
    });
    expect(html).toContain(
      'and was left out: the wizard step (&quot;x&quot; is not a step). The rest opened as saved.',
    );
    expect(html).toContain('nothing is saved in this browser until you dismiss this message');
  });

  it('a failed save: the reason, "Download plan" and "Try again"', () => {
    const html = show({ saveError: 'the browser’s storage for this page is full' });
    expect(alerts(html)).toBe(1);
    expect(html).toContain('Your changes are not being saved in this browser:</strong> the browser’s storage');
    expect(html).toContain('>Download plan</button>');
    expect(html).toContain('>Try again</button>');
  });

  it('another tab’s changes: its plan name, "Load those changes" and "Keep mine"', () => {
    const html = show({ conflict: { planName: 'Renamed elsewhere' } });
    expect(html).toContain('This plan was changed in another tab</strong> (“Renamed elsewhere”)');
    expect(html).toContain('>Load those changes</button>');
    expect(html).toContain('>Keep mine</button>');
  });
});
