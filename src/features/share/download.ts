/** Saves a plan as a .json file through the browser's download (nothing is uploaded). */
import type { Plan } from '../../domain/plan';
import { planFileName, serializePlanFile } from '../../share/planFile';

export function downloadPlanFile(plan: Plan): string {
  const name = planFileName(plan);
  const url = URL.createObjectURL(new Blob([serializePlanFile(plan)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
