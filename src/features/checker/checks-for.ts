/** Client checks are computed from the plan, never stored: one run per plan object, shared by every view. */
import { checkAllClients, type ClientCheck } from '../../checker';
import type { Plan } from '../../domain/plan';

/** The checker keeps one run per plan object (PGN-008 reads the same run). */
export const checksFor = (plan: Plan): readonly ClientCheck[] => checkAllClients(plan);
