/** The connectivity checker: pure, no UI. */
export { checkAllClients, checkClient } from './check';
export { HOP_KIND_LABEL, type ClientCheck, type Hop, type HopKind, type HopStatus, type Verdict } from './types';
