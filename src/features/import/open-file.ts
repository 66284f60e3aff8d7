/**
 * Opening a file the user picked or dropped. A plan file (it names its `formatVersion`) goes the plan file's way
 * (the migration chain); anything else is a deployment, read by the importer (`src/import`, loaded only then): an
 * inventory bundle, a template from the portal's "Export template", or resource JSON from a "JSON view". Either opens
 * read-only (`showIncoming`): the plan being edited is replaced only when the user chooses, and stays restorable.
 *
 * The file is parsed once. Before the parse, the browser gets a frame to paint the "Reading…" state: a bundle of tens
 * of megabytes takes a moment to parse, and the page says so rather than look stuck.
 */
import { PLANNER_LIMITS } from '../../domain/azure';
import { brokenTextKind, kindOfValue, withoutBom } from '../../import/document-kind';
import type { ImportResult, ImportSuccess } from '../../import/types';
import type { ImportReport } from '../../store/import-report';
import { usePlanner } from '../../store/store';
import { formatBytes, loadError, type PlanLoadResult } from '../../share/errors';
import { readAnyPlanDocument } from '../../share/migrations';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, planFileTooLarge } from '../../share/plan-file';
import { loadRuleEngine } from '../findings/use-findings';
import { linkErrorTitle } from '../share/link-error-notice';
import { readOnlyFields } from './read-only';

export type OpenedFile =
  { kind: 'plan'; result: PlanLoadResult } | { kind: 'deployment'; result: ImportResult; servers?: readonly string[] };

/** The largest file read at all: the larger of the two limits (each kind then checks its own). */
const MAX_OPENED_BYTES = Math.max(MAX_PLAN_FILE_BYTES, PLANNER_LIMITS.importLength);

/** Lets the browser paint (the "Reading…" state) before a long parse. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const importer = () => import('../../import/import');

/** Said of a file that is neither a plan file nor a deployment, after why it isn't a plan file. */
const NOT_A_DEPLOYMENT =
  "It isn't a deployment either: the planner imports the inventory script's bundle, a template from the " +
  'portal\'s "Export template", Resource Graph results, or resource JSON from a portal "JSON view".';

/** The flexible servers of a deployment, by name (for a deployment of several: the user picks one). */
async function serversIn(value: unknown): Promise<string[]> {
  const { collectResources } = await importer();
  const collected = collectResources(value);
  if (!collected.ok) return [];
  return collected.resources
    .filter((r) => r.type.toLowerCase() === 'microsoft.dbforpostgresql/flexibleservers' && r.name !== '')
    .map((r) => r.name);
}

/**
 * Reads a picked or dropped file: a plan file or a deployment (of `server`, when it holds several), never throwing;
 * oversized files are refused unread. A deployment of several servers, none named, lists them in `servers`.
 */
export async function readOpenedFile(file: Pick<File, 'size' | 'text'>, server?: string): Promise<OpenedFile> {
  if (file.size > MAX_OPENED_BYTES)
    return {
      kind: 'deployment',
      result: {
        ok: false,
        message:
          `The file is ${formatBytes(file.size)}; the planner opens plan files up to ` +
          `${formatBytes(MAX_PLAN_FILE_BYTES)} and deployments up to ${formatBytes(PLANNER_LIMITS.importLength)}. ` +
          'It was not opened.',
      },
    };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const message = `The file could not be read (${e instanceof Error ? e.message : String(e)}).`;
    return { kind: 'plan', result: loadError('corrupted', message) };
  }
  await nextFrame();
  const body = withoutBom(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // Not JSON: the error is told the way of what it looks like (both name the line and column).
    if (brokenTextKind(body) === 'plan') return { kind: 'plan', result: parsePlanFile(text) };
    return { kind: 'deployment', result: (await importer()).importDeployed(text) };
  }
  const kind = kindOfValue(value);
  if (kind === 'plan')
    return {
      kind: 'plan',
      result: text.length > MAX_PLAN_FILE_BYTES ? planFileTooLarge(text.length) : readAnyPlanDocument(value),
    };
  if (kind === 'neither') {
    const result = text.length > MAX_PLAN_FILE_BYTES ? planFileTooLarge(text.length) : readAnyPlanDocument(value);
    if (result.ok) return { kind: 'plan', result };
    const message = `${result.error.message} ${NOT_A_DEPLOYMENT}`;
    return { kind: 'plan', result: { ok: false, error: { ...result.error, message } } };
  }
  const { importDeployed, importDeployedValue } = await importer();
  // Past the importer's limit, `importDeployed` refuses it with its own message (without parsing it again).
  const result =
    text.length > PLANNER_LIMITS.importLength
      ? importDeployed(text)
      : importDeployedValue(value, server === undefined ? {} : { server });
  if (result.ok || server !== undefined) return { kind: 'deployment', result };
  const servers = await serversIn(value);
  return { kind: 'deployment', result, ...(servers.length > 1 ? { servers } : {}) };
}

/** The import report of a deployment just imported from `fileName` (kept in the store, not in the plan). */
function reportOf(result: ImportSuccess, fileName: string): ImportReport {
  return {
    fileName,
    source: result.source,
    server: result.plan.servers[0]?.name ?? '',
    notModelled: result.notModelled,
    skipped: result.skipped,
    warnings: result.warnings,
    resourceIds: result.resourceIds,
    readOnly: readOnlyFields(result.plan),
  };
}

/** How many things the import could not hold or asks to check, in words. */
function reportCount(report: Pick<ImportReport, 'notModelled' | 'skipped' | 'warnings'>): string {
  const n = report.notModelled.length + report.skipped.length + report.warnings.length;
  return n === 0 ? 'everything in it is in the plan' : n === 1 ? '1 thing to look at' : `${n} things to look at`;
}

/** Shows an imported deployment read-only (the rules are loaded first: the review shows their findings at once). */
async function showImported(result: ImportSuccess, fileName: string): Promise<ImportReport> {
  const report = reportOf(result, fileName);
  await loadRuleEngine();
  usePlanner.getState().showIncoming(result.plan, 'deployment', report);
  return report;
}

/** What became of an opened file: a sentence for the live region and, when it was not opened, why. */
export type OpenOutcome =
  | { ok: true; announcement: string }
  | {
      ok: false;
      announcement: string;
      title: string;
      message: string;
      /** A deployment of several servers: their names, to pick one and open the file again. */
      servers?: readonly string[];
    };

/**
 * Opens a picked or dropped file (for a deployment of several servers, the one named `server`): shown read-only when
 * it can be read, otherwise said why (the plan is untouched).
 */
export async function openFile(file: Pick<File, 'size' | 'text' | 'name'>, server?: string): Promise<OpenOutcome> {
  const opened = await readOpenedFile(file, server);
  const failed = `“${file.name}” could not be opened; your plan is unchanged.`;
  if (opened.kind === 'plan') {
    if (!opened.result.ok) {
      const { error } = opened.result;
      return { ok: false, announcement: failed, title: linkErrorTitle(error.kind, 'file'), message: error.message };
    }
    const { plan } = opened.result;
    await loadRuleEngine();
    usePlanner.getState().showIncoming(plan, 'file');
    return { ok: true, announcement: `Opened the plan file “${file.name}” for review.` };
  }
  if (!opened.result.ok)
    return {
      ok: false,
      announcement: failed,
      title: 'The deployment could not be imported.',
      message: opened.result.message,
      ...(opened.servers === undefined ? {} : { servers: opened.servers }),
    };
  const report = await showImported(opened.result, file.name);
  return { ok: true, announcement: `Imported “${file.name}” for review: ${reportCount(report)}.` };
}
