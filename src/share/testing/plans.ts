/** The example plans of the repository (test and bench support), from the one loader of examples. */
export { examplePlans } from '../../domain/testing/examples';

/** The plan as it looks after a JSON round trip (what a link or file must give back). */
export const jsonRoundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
