import { LINK_SHARE_LIMIT, isLinkTooLong, planLinkUrl } from '../../share/link';
import type { Command } from '../command';
import { EXIT, InputError, flagValue, parseArgs, rejectUnknownFlags, type CliIo } from '../io';
import { loadPlan } from '../load';

/**
 * Where the printed link points when no --base is given: the planner as `npm run dev` serves it.
 * Pass --base with the address where the team hosts the planner.
 */
export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

function checkBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new InputError(`--base must be an absolute address such as ${DEFAULT_SHARE_BASE}; got "${base}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
    throw new InputError(`--base must be an http, https or file address; got "${base}".`);
  }
  if (url.hash !== '' || base.includes('#'))
    throw new InputError(`--base must not contain "#": the plan goes after it; got "${base}".`);
  return base;
}

export const shareCommand: Command = {
  name: 'share',
  usage: 'share PLAN.json [--base URL]',
  summary: `Print the plan's share link (the whole plan after "#"; default base ${DEFAULT_SHARE_BASE}).`,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv);
    rejectUnknownFlags(args, ['base']);
    if (args.positional.length > 1) throw new InputError(`One plan file at a time; got ${args.positional.length}.`);
    const base = checkBase(flagValue(args, 'base') ?? DEFAULT_SHARE_BASE);
    const plan = await loadPlan(io, args.positional[0]);
    const link = planLinkUrl(base, plan);
    io.out(link);
    if (isLinkTooLong(link)) {
      io.err(
        `warning: the link is ${link.length.toLocaleString('en-US')} characters long; links over ${LINK_SHARE_LIMIT.toLocaleString('en-US')} are cut by some chat and mail tools. Share the plan file instead.`,
      );
    }
    return EXIT.ok;
  },
};
