/**
 * Test support for the Azure CLI export: runs a `deploy.sh` with a fake `az` first on PATH, which
 * records the argv of each call as one JSON line, and reads the calls back the way argparse (the
 * Azure CLI's parser) splits them into options and values.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Appends `["arg1","arg2",…]` to $AZ_LOG and prints a resource ID for `$(az … --query=id …)`. An argument
 * `--x=@-` makes it read its standard input, as the Azure CLI does, and append that to $AZ_LOG.stdin. A `show`
 * asked only whether the resource exists (`--output=none`) fails, as for a missing resource, unless $AZ_EXISTING
 * is 1 (a second run, after everything was created). `az version` prints $FAKE_AZ_VERSION (what
 * `az version --query '"azure-cli"' -o tsv` prints), or fails when it is `fail`.
 */
const FAKE_AZ = `#!/usr/bin/env bash
for a in "$@"; do
  case "$a" in
    *=@-) IFS= read -r -d '' input || true; printf '%s\\n' "$input" >> "$AZ_LOG.stdin" ;;
  esac
done
bs='\\'; dq='"'; line='['; sep=''
for a in "$@"; do
  a=\${a//"$bs"/"$bs$bs"}
  a=\${a//"$dq"/"$bs$dq"}
  a=\${a//$'\\n'/"$bs"n}
  a=\${a//$'\\r'/"$bs"r}
  a=\${a//$'\\t'/"$bs"t}
  line+="$sep$dq$a$dq"
  sep=','
done
printf '%s]\\n' "$line" >> "$AZ_LOG"
if [[ "\${1:-}" == version ]]; then
  if [[ "$FAKE_AZ_VERSION" == fail ]]; then
    echo "ERROR: 'version' is misspelled or not recognized by the system." >&2
    exit 2
  fi
  printf '%s\\n' "$FAKE_AZ_VERSION"
  exit 0
fi
if [[ " $* " == *" show "* && " $* " == *" --output=none "* && "\${AZ_EXISTING:-0}" != 1 ]]; then
  echo "ERROR: (ResourceNotFound) The resource was not found." >&2
  exit 3
fi
echo /subscriptions/00000000-0000-0000-0000-000000000000/fake
`;

interface AzOption {
  /** `--name`, as written before `=` or as a word of its own. */
  name: string;
  values: string[];
}

export interface AzCall {
  /** The command words before the first option, e.g. `network nsg rule create`. */
  command: string;
  options: AzOption[];
  /** Every word of the call, as az received it. */
  argv: string[];
}

/** Splits argv as argparse does for the exports' forms: `--name=value`, `--flag`, `--list a b`. */
function parseAzCall(argv: readonly string[]): AzCall {
  const command: string[] = [];
  const options: AzOption[] = [];
  for (const word of argv) {
    if (word.startsWith('-')) {
      const eq = word.indexOf('=');
      if (word.startsWith('--') && eq > 0) options.push({ name: word.slice(0, eq), values: [word.slice(eq + 1)] });
      else options.push({ name: word, values: [] });
    } else if (options.length === 0) command.push(word);
    else options[options.length - 1]?.values.push(word);
  }
  return { command: command.join(' '), options, argv: [...argv] };
}

interface ScriptRun {
  /** `bash -n` exit status and its stderr. */
  syntax: { status: number | null; stderr: string };
  /** The run's exit status and stderr (null when `bash -n` failed and the script was not run). */
  run: { status: number | null; stderr: string } | null;
  calls: AzCall[];
  /** What each call with an `@-` argument read from its standard input, in order. */
  stdin: string[];
}

/** The Azure CLI version the fake reports unless a run asks for another: the newest whose flags deploy.sh knows. */
const FAKE_AZ_VERSION = '2.87.0';

interface RunOptions {
  /** A second run: every `show` finds its resource. */
  existing?: boolean;
  /** What `az version` reports (`fail`: it fails, as on a CLI without that command). */
  azVersion?: string;
}

/** The administrator password every run is given (tests check where it does and doesn't appear). */
export const FAKE_PASSWORD = 'Fake-Pa55word-for-tests';

/** A scratch directory holding the fake `az`; `dispose` removes it. */
export function fakeAzDir(): {
  dir: string;
  runScript: (script: string, options?: RunOptions) => ScriptRun;
  dispose: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'fake-az-'));
  const az = join(dir, 'az');
  writeFileSync(az, FAKE_AZ);
  chmodSync(az, 0o755);
  const runScript = (script: string, options: RunOptions = {}): ScriptRun => {
    const path = join(dir, 'deploy.sh');
    const log = join(dir, 'az.log');
    writeFileSync(path, script);
    writeFileSync(log, '');
    const syntax = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
    if (syntax.status !== 0)
      return { syntax: { status: syntax.status, stderr: syntax.stderr }, run: null, calls: [], stdin: [] };
    writeFileSync(`${log}.stdin`, '');
    const run = spawnSync('bash', [path], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: `${dir}:${process.env.PATH ?? ''}`,
        AZ_LOG: log,
        PGADMIN_PASSWORD: FAKE_PASSWORD,
        RESOURCE_GROUP: 'rg-deploy',
        AZ_EXISTING: options.existing === true ? '1' : '0',
        FAKE_AZ_VERSION: options.azVersion ?? FAKE_AZ_VERSION,
      },
    });
    const calls = readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => parseAzCall(JSON.parse(l) as string[]));
    return {
      syntax: { status: syntax.status, stderr: syntax.stderr },
      run: { status: run.status, stderr: run.stderr },
      calls,
      stdin: readFileSync(`${log}.stdin`, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
    };
  };
  return { dir, runScript, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
