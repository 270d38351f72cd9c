import type { TranscriptEntry } from '../../../../../shared/protocol';
import { CheckpointEntry, StatusEntry, StepEntry } from './EventEntries';
import { FileEditEntry } from './FileEditEntry';
import { MessageEntry } from './MessageEntry';
import { ToolCallEntry } from './ToolCallEntry';

export interface EntryViewProps {
  entry: TranscriptEntry;
  expanded: boolean;
  onToggle: (seq: number) => void;
}

/** One transcript entry, by kind. */
export function TranscriptEntryView({ entry, expanded, onToggle }: EntryViewProps) {
  switch (entry.kind) {
    case 'message':
      return <MessageEntry entry={entry} />;
    case 'tool_call':
      return <ToolCallEntry entry={entry} expanded={expanded} onToggle={() => onToggle(entry.seq)} />;
    case 'file_edit':
      return <FileEditEntry entry={entry} />;
    case 'step':
      return <StepEntry entry={entry} />;
    case 'checkpoint':
      return <CheckpointEntry entry={entry} />;
    case 'status':
      return <StatusEntry entry={entry} />;
  }
}
