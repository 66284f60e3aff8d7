/**
 * Build-time entry, run in Node by the prerender plugin (`scripts/prerender-plugin.ts`): the first screen
 * rendered by the app's own components from the store's initial state (in Node nothing is saved), and the
 * source of the gate script that keeps that shell off screen for a visitor with a saved plan or a link.
 */
import { renderToString } from 'react-dom/server';
import { getIn } from '../domain/paths';
import { STORAGE_KEY, usePlanner } from '../store/store';
import { paintGateScript, ROOT_ID, type GatePreloads } from './first-paint';
import { Root } from './root';

export interface FirstScreen {
  /** Id of the element the markup goes into (`index.html` carries it empty). */
  rootId: string;
  /** The markup React hydrates. */
  markup: string;
  /**
   * Source of the blocking gate script, which loads the page's entry module from `entryUrl` and, behind the gate,
   * preloads the modules of `preloads`.
   */
  gateScript: (entryUrl: string, preloads: GatePreloads) => string;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The value a form control named by a plan path shows, or null when the plan has none there. */
function valueAt(plan: unknown, path: string): string | boolean | null {
  const value = getIn(plan, path);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'number' ? String(value) : null;
}

/**
 * The wizard's fields are uncontrolled (react-hook-form sets their values in the browser), so React renders
 * them empty and a select on its first option. The shell shows the plan's values instead: a `value` on each
 * input, `checked` on a ticked box and `selected` on the chosen option, named by the control's plan path.
 * React leaves these attributes alone when it hydrates uncontrolled fields, and the form then sets the same
 * values, so nothing on screen changes.
 */
export function withFieldValues(markup: string, plan: unknown): string {
  const inputs = markup.replace(/<input\b[^>]*>/g, (tag) => {
    const name = /\sname="([^"]+)"/.exec(tag)?.[1];
    if (name === undefined || /\s(?:value|checked)=/.test(tag)) return tag;
    const value = valueAt(plan, name);
    const checkbox = /\stype="(?:checkbox|radio)"/.test(tag);
    if (value === null || checkbox !== (typeof value === 'boolean')) return tag;
    const attribute = typeof value === 'boolean' ? (value ? ' checked=""' : '') : ` value="${escapeAttribute(value)}"`;
    return tag.replace(/^<input/, `<input${attribute}`);
  });
  return inputs.replace(/(<select\b[^>]*>)([\s\S]*?)(<\/select>)/g, (whole, open: string, options: string, close) => {
    const name = /\sname="([^"]+)"/.exec(open)?.[1];
    const value = name === undefined ? null : valueAt(plan, name);
    if (typeof value !== 'string' || /\sselected=/.test(options)) return whole;
    const option = `<option value="${escapeAttribute(value)}"`;
    return options.includes(option) ? open + options.replace(option, `${option} selected=""`) + close : whole;
  });
}

export function renderFirstScreen(): FirstScreen {
  // In Node nothing is saved: the store holds its initial state, the one its hooks hydrate from.
  const markup = withFieldValues(renderToString(<Root />), usePlanner.getInitialState().plan);
  return {
    rootId: ROOT_ID,
    markup,
    gateScript: (entryUrl, preloads) => paintGateScript(STORAGE_KEY, entryUrl, preloads),
  };
}
