import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { newPlan } from '../../domain/new-plan';
import { isPending, resetReveal, revealAll, shownSeverities, shownSeverity, touchField, useReveal } from './reveal';

const finding = (path: string, severity: Finding['severity'] = 'error'): Finding => ({
  ruleId: 'PGN-001',
  severity,
  message: 'm',
  path,
  docs: 'https://learn.microsoft.com/',
});

afterEach(resetReveal);

describe('when a field shows its error', () => {
  it('an error on an empty field nobody has been in is "to complete"; on a field with a value it is an error', () => {
    const plan = newPlan(); // server name empty, plan name "Untitled plan"
    const state = useReveal.getState();
    expect(isPending(finding('servers.0.name'), plan, state)).toBe(true);
    expect(shownSeverity(finding('servers.0.name'), plan, state)).toBe('pending');
    expect(isPending(finding('name'), plan, state)).toBe(false);
    // Warnings and notes are never held back.
    expect(shownSeverity(finding('servers.0.name', 'warning'), plan, state)).toBe('warning');
  });

  it('shows it once the field, or a field holding it, has been touched', () => {
    const plan = newPlan();
    touchField('servers.0.name');
    expect(isPending(finding('servers.0.name'), plan, useReveal.getState())).toBe(false);
    expect(isPending(finding('access.vnet.name'), plan, useReveal.getState())).toBe(true);
    touchField('access.vnet');
    expect(isPending(finding('access.vnet.name'), plan, useReveal.getState())).toBe(false);
  });

  it('shows every error after "show all problems", and none again for a new plan', () => {
    const plan = newPlan();
    revealAll();
    expect(isPending(finding('access.delegatedSubnet.prefix'), plan, useReveal.getState())).toBe(false);
    resetReveal();
    expect(isPending(finding('access.delegatedSubnet.prefix'), plan, useReveal.getState())).toBe(true);
  });
});

describe('shownSeverities', () => {
  it('shows each finding as shownSeverity does, and answers again from the same list, plan and state', () => {
    const plan = newPlan();
    const findings = [finding('servers.0.name'), finding('name'), finding('servers.0.name', 'warning')];
    const state = useReveal.getState();
    const shown = shownSeverities(findings, plan, state);
    expect([...shown.values()]).toEqual(['pending', 'error', 'warning']);
    expect(shownSeverities(findings, plan, state)).toBe(shown);
    // A touched field or another plan is a new answer.
    touchField('servers.0.name');
    const touched = shownSeverities(findings, plan, useReveal.getState());
    expect([...touched.values()]).toEqual(['error', 'error', 'warning']);
    const renamed = { ...plan, servers: [{ ...plan.servers[0]!, name: 'pg' }] };
    expect(shownSeverities(findings, renamed, useReveal.getState())).not.toBe(touched);
  });
});
