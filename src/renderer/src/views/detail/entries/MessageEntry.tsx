import type { TranscriptEntry } from '../../../../../shared/protocol';
import { EntryTime } from './EntryTime';
import { Redactable } from './Redacted';

type Message = Extract<TranscriptEntry, { kind: 'message' }>;

const ROLE: Record<Message['message']['role'], string> = { user: 'You', agent: 'Agent', system: 'System' };

/** Who spoke: the author when the server names one, else the role ("Agent", "System"). */
export function speaker(message: Message['message']): string {
  if (message.author) return message.role === 'agent' ? `${message.author} (agent)` : message.author;
  return ROLE[message.role];
}

export function MessageEntry({ entry }: { entry: Message }) {
  const { message } = entry;
  return (
    <div className={`entry-message entry-message-${message.role}`}>
      <div className="entry-head">
        <span className="entry-author">{speaker(message)}</span>
        <EntryTime at={entry.at} />
      </div>
      <p className="entry-text">
        <Redactable text={message.text} />
      </p>
    </div>
  );
}
