/** Share links and plan files: the ways a plan leaves and comes back, with format migrations. */
export { PLAN_LOAD_ERROR_KINDS, type PlanLoadError, type PlanLoadErrorKind, type PlanLoadResult } from './errors';
export {
  LINK_FORMAT_VERSION,
  LINK_SHARE_LIMIT,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  decodePlanLink,
  encodePlanLink,
  isLinkTooLong,
  planLinkUrl,
} from './link';
export { MAX_PLAN_FILE_BYTES, parsePlanFile, planFileName, planFileTooLarge, serializePlanFile } from './plan-file';
export { MIGRATIONS, migrate, readAnyPlanDocument } from './migrations';
