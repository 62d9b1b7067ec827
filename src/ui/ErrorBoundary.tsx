/** Keeps a rendering bug in one pane from blanking the whole app (the editor and the user's text stay). */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "the graph", "the problems list". */
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`Route Studio: ${this.props.what} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="pane-error" role="alert">
        <p>
          Route Studio could not draw {this.props.what}: {this.state.error.message}
        </p>
        <button type="button" className="toolbar__button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
