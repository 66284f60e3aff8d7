/**
 * The command line as a process: `bin/pgflex-netplan.mjs` runs the bundle of this file. Arguments in,
 * exit code out; standard streams that may close early.
 */
import { main } from './main';
import { nodeIo, standardOutputFailure } from './node-io';
import { EXIT, PROGRAM } from './io';

const code = await main(process.argv.slice(2), nodeIo);
// A failed write reports its error on the next turn of the event loop.
await new Promise((resolve) => setImmediate(resolve));
const failure = standardOutputFailure();
if (failure !== undefined) nodeIo.err(`${PROGRAM}: cannot write the standard output (${failure}).`);
process.exitCode = failure === undefined ? code : EXIT.badInput;
