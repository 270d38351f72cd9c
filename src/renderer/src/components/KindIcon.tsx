import type { SessionKind } from '../../../shared/protocol';

const LABEL: Record<SessionKind, string> = { flow_run: 'Flow run', background_task: 'Background task', chat: 'Chat' };

// Inline SVG, not emoji: emoji fonts are missing on many Linux desktops and render as boxes.
const PATHS: Record<SessionKind, string> = {
  flow_run: 'M4 3l9 5-9 5z',
  background_task: 'M2 4h12v2H2zM2 7h12v2H2zM2 10h12v2H2z',
  chat: 'M2 3h12v8H7l-3 3v-3H2z',
};

export function kindLabel(kind: SessionKind): string {
  return LABEL[kind];
}

/** A small glyph with the kind's name for assistive technology. */
export function KindIcon({ kind }: { kind: SessionKind }) {
  return (
    <span className={`kind kind-${kind}`} role="img" aria-label={LABEL[kind]} title={LABEL[kind]}>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={PATHS[kind]} fill="currentColor" />
      </svg>
    </span>
  );
}
