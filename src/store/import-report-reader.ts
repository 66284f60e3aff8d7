/**
 * Reading back a saved import report (see `./import-report`), loaded only when one was saved. It is parsed like every
 * stored part: a text that isn't a report of this shape is not used.
 */
import * as z from 'zod/mini';
import type { ImportReport } from './import-report';

const ReadOnlyFieldSchema = z.object({ reason: z.string(), owner: z.string(), name: z.string() });

const ImportReportSchema = z.object({
  fileName: z.string(),
  source: z.enum(['bundle', 'armTemplate', 'resourceJson']),
  server: z.string().check(z.minLength(1)),
  notModelled: z.array(z.object({ resourceId: z.string(), type: z.string(), what: z.string(), why: z.string() })),
  skipped: z.array(z.object({ resourceId: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  resourceIds: z.record(z.string(), z.string()),
  readOnly: z.record(z.string(), ReadOnlyFieldSchema),
});

/** The report in `text`, or null when it can't be read. */
export function readImportReport(text: string): ImportReport | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ImportReportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
