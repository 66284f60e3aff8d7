/** Saves a plan as a .json file through the browser's download (nothing is uploaded). */
import type { Plan } from '../../domain/plan';
import { planFileName, serializePlanFile } from '../../share/plan-file';
import { saveBlob } from '../common/save-blob';

export function downloadPlanFile(plan: Plan): string {
  const name = planFileName(plan);
  saveBlob(new Blob([serializePlanFile(plan)], { type: 'application/json' }), name);
  return name;
}
