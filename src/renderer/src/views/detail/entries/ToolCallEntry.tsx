import { useId } from 'react';
import { duration } from '../../../../../shared/format';
import type { TranscriptEntry } from '../../../../../shared/protocol';
import { EntryTime } from './EntryTime';
import { Redactable } from './Redacted';

type ToolCall = Extract<TranscriptEntry, { kind: 'tool_call' }>;

/** Tool input as people read JSON; a bare string is shown as it is. */
export function prettyInput(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input === undefined) return '';
  try {
    return JSON.stringify(input, null, 2) ?? String(input);
  } catch {
    return String(input);
  }
}

/**
 * A tool call, collapsed to name, status and duration; expanded to its input and output. The open
 * state lives with the list, not here, so it survives the row scrolling out of the virtual window.
 */
export function ToolCallEntry({ entry, expanded, onToggle }: { entry: ToolCall; expanded: boolean; onToggle: () => void }) {
  const { toolCall } = entry;
  const bodyId = useId();
  const ok = toolCall.status === 'ok';
  return (
    <div className={`entry-tool ${ok ? '' : 'entry-tool-error'}`}>
      <div className="entry-head">
        <button type="button" className="entry-tool-toggle" aria-expanded={expanded} aria-controls={expanded ? bodyId : undefined} onClick={onToggle}>
          <span className="entry-caret" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="entry-tool-name">{toolCall.name}</span>
          <span className={`chip ${ok ? 'chip-success' : 'chip-problem'}`}>{ok ? 'OK' : 'Error'}</span>
          {toolCall.durationMs !== undefined && <span className="muted">{formatDuration(toolCall.durationMs)}</span>}
        </button>
        <EntryTime at={entry.at} />
      </div>
      {expanded && (
        <div id={bodyId} className="entry-tool-body">
          <h4>Input</h4>
          <pre className="entry-pre">
            <Redactable text={prettyInput(toolCall.input)} />
          </pre>
          <h4>Output</h4>
          {toolCall.output === undefined ? (
            <p className="muted">No output recorded</p>
          ) : (
            <pre className="entry-pre">
              <Redactable text={toolCall.output} />
            </pre>
          )}
        </div>
      )}
    </div>
  );
}

/** Sub-second calls keep their milliseconds: "240 ms" says more than "0 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : duration(ms);
}
