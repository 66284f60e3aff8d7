/** Share links and plan files: the ways a plan leaves and comes back, with format migrations. */
export { encodePlanLink } from './link';
