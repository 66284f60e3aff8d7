import { DEFAULT_PEERING_DEPTH, inventoryScript, MAX_PEERING_DEPTH } from '../../import/inventory-script';
import type { CommandRun } from '../command';
import { EXIT, InputError } from '../io';
import { stringOption } from '../options';

/** `inventory-script --server NAME --resource-group RG …`: the read-only collection script on standard output. */
export const runInventoryScript: CommandRun = (options, io) => {
  if (options.positionals.length > 0)
    throw new InputError(
      `inventory-script reads no file (got "${options.positionals[0] ?? ''}"): name the server with --server NAME ` +
        'and --resource-group RG.',
    );
  const server = stringOption(options, 'server');
  const resourceGroup = stringOption(options, 'resource-group');
  if (server === undefined || resourceGroup === undefined)
    throw new InputError('--server NAME and --resource-group RG are required: the server to start from.');
  const depthText = stringOption(options, 'depth') ?? String(DEFAULT_PEERING_DEPTH);
  const depth = /^\d+$/.test(depthText) ? Number(depthText) : Number.NaN;
  if (!(depth <= MAX_PEERING_DEPTH))
    throw new InputError(`--depth must be a whole number from 0 to ${MAX_PEERING_DEPTH}; got "${depthText}".`);
  const subscription = stringOption(options, 'subscription');
  const shell = stringOption(options, 'shell') === 'powershell' ? 'powershell' : 'bash';
  let script: string;
  try {
    script = inventoryScript({
      server,
      resourceGroup,
      peeringDepth: depth,
      shell,
      ...(subscription === undefined ? {} : { subscription }),
    });
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e));
  }
  io.out(script.trimEnd());
  return Promise.resolve(EXIT.ok);
};
