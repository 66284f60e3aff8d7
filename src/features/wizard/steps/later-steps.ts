/**
 * The steps after Basics, loaded together on the first move past Basics: one chunk instead of one per step, so
 * they compress together and the next step is already there.
 */
export { default as ConnectivityStep } from './connectivity-step';
export { default as VnetStep } from './vnet-step';
export { default as SubnetStep } from './subnet-step';
export { default as DnsStep } from './dns-step';
export { default as PeeringStep } from './peering-step';
export { default as EndpointsStep } from './endpoints-step';
export { default as FirewallStep } from './firewall-step';
export { default as SecurityStep } from './security-step';
export { default as ClientsStep } from './clients-step';
export { default as ReviewStep } from './review-step';
