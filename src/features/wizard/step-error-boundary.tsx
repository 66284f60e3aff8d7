/**
 * If a step fails to render, the rest of the planner keeps working: the plan is untouched (it lives in
 * the store and is saved), the step says what happened, and the user can try again or go elsewhere.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class StepErrorBoundary extends Component<{ children: ReactNode; onRetry?: () => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A step failed to render:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="step" role="alert">
        <h2 className="step__heading">This step could not be shown</h2>
        <p>
          Your plan is safe: it is kept in this browser and nothing was lost. The step failed with:{' '}
          <code>{this.state.error.message}</code>
        </p>
        <p>
          Try again, use another step, or download the plan file from the Review step and report the problem with it.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            this.setState({ error: null });
            this.props.onRetry?.();
          }}
        >
          Try again
        </button>
      </section>
    );
  }
}
