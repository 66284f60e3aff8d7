/**
 * The import-report slice: what the import of a deployment could not hold, the deployed resource behind each plan
 * object, and the fields Azure can't change on what was imported. It is kept beside the plan, never in it (a plan
 * file or link of an imported plan is an ordinary plan), and applies to the plan being edited only while that plan
 * still holds the imported server (by name, in any case, as Azure compares names): undo past the import, "New plan"
 * or another plan leave it aside without a trace in the wizard.
 *
 * It survives a reload: it is written under its own storage key when it changes (an import, a new plan), which is
 * rare, so the autosave of the plan on every edit does not carry it; it is read back after start-up, by a module
 * loaded only when something was saved (`./import-report-reader`). Another tab's import is not taken over.
 */
import { getIn } from '../domain/paths';
import type { Plan } from '../domain/plan';
import type { ImportSource, ImportSuccess } from '../import/types';

/** A field Azure can't change after creation: why, and the imported object it belongs to (by path and name). */
export interface ReadOnlyField {
  readonly reason: string;
  /** Dotted path of the object that holds the field (`servers.0`, `access.vnet`). */
  readonly owner: string;
  /** The object's name as imported: the field is read-only while the object at `owner` has this name. */
  readonly name: string;
}

/** What an import of a deployment could not hold, and the deployed resource behind each plan object. */
export interface ImportReport {
  readonly fileName: string;
  readonly source: ImportSource;
  /** The imported server's name: the report applies to a plan that holds a server of this name. */
  readonly server: string;
  readonly notModelled: ImportSuccess['notModelled'];
  readonly skipped: ImportSuccess['skipped'];
  readonly warnings: ImportSuccess['warnings'];
  readonly resourceIds: ImportSuccess['resourceIds'];
  /** The fields Azure can't change on what was imported, by dotted plan path. */
  readonly readOnly: Readonly<Record<string, ReadOnlyField>>;
}

/** The storage key of the import report (beside the autosave's `pgflex-netplan:state`). */
export const IMPORT_REPORT_KEY = 'pgflex-netplan:import-report';

const sameName = (value: unknown, name: string): boolean =>
  typeof value === 'string' && value !== '' && value.toLowerCase() === name.toLowerCase();

/** The report, when `plan` is (still) the imported plan: it holds the imported server. */
export function importReportFor(report: ImportReport | null, plan: Plan): ImportReport | null {
  if (report === null) return null;
  return plan.servers.some((s) => sameName(s.name, report.server)) ? report : null;
}

/** Why the field at `path` can't be changed, when the plan holds the imported object it belongs to. */
export function readOnlyReason(report: ImportReport | null, plan: Plan, path: string): string | undefined {
  const field = report?.readOnly[path];
  if (field === undefined) return undefined;
  return sameName(getIn(plan, `${field.owner}.name`), field.name) ? field.reason : undefined;
}

/** Writes the report under its key, or removes it (null). A full or disabled storage only loses the report. */
export function saveImportReport(storage: Storage, report: ImportReport | null): void {
  try {
    if (report === null) storage.removeItem(IMPORT_REPORT_KEY);
    else storage.setItem(IMPORT_REPORT_KEY, JSON.stringify(report));
  } catch {
    // Not kept across a reload; the plan's own autosave reports storage problems.
  }
}

/** The saved report's text, if any (null also when the storage can't be read). */
export function savedImportReportText(storage: Storage): string | null {
  try {
    return storage.getItem(IMPORT_REPORT_KEY);
  } catch {
    return null;
  }
}
