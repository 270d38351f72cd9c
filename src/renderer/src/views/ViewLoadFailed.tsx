import { Component, type ReactNode } from 'react';

interface Props {
  /** Takes the person back to the Command Center; the boundary is keyed by route, so it resets. */
  onBack: () => void;
  children: ReactNode;
}

/**
 * Around the views that load as chunks of their own (lazyViews.tsx): a chunk that cannot be
 * fetched or run says so in words, with a way back, instead of leaving the window blank. Nothing
 * is lost: the core holds every session, and the popover loads with the first script.
 */
export class ViewLoadFailed extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="view-failed" role="alert">
        <h1>This view could not load</h1>
        <p>{error.message}</p>
        <p>Go back and open it again; if it keeps failing, reload the window or restart Parrot Tray.</p>
        <button type="button" className="btn" onClick={this.props.onBack}>
          Back to Command Center
        </button>
      </main>
    );
  }
}
