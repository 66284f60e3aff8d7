import { usePlanner } from '../../../store/store';

/**
 * Makes the next plan edit its own undo step. Typing in one field is merged into one undo step;
 * adding or removing rows must not be merged with the edit just before it (adding two rules in
 * quick succession, then Ctrl+Z, must take back only the second one).
 */
export function startUndoStep(): void {
  usePlanner.setState((s) => ({ history: { ...s.history, lastKey: null } }));
}
