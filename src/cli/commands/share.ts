import { LINK_SHARE_LIMIT, isLinkTooLong, planLinkUrl } from '../../share/link';
import { DEFAULT_SHARE_BASE, type CommandRun } from '../command';
import { EXIT, InputError } from '../io';
import { loadPlan } from '../load';
import { stringOption } from '../options';

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

export const runShare: CommandRun = async (options, io) => {
  if (options.positionals.length > 1)
    throw new InputError(`One plan file at a time; got ${options.positionals.length}.`);
  const base = checkBase(stringOption(options, 'base') ?? DEFAULT_SHARE_BASE);
  const plan = await loadPlan(io, options.positionals[0]);
  const link = planLinkUrl(base, plan);
  io.out(link);
  if (isLinkTooLong(link)) {
    io.err(
      `warning: the link is ${link.length.toLocaleString('en-US')} characters long; links over ` +
        `${LINK_SHARE_LIMIT.toLocaleString('en-US')} are cut by some chat and mail tools. Share the plan file instead.`,
    );
  }
  return EXIT.ok;
};
