import type { ChatSession } from '../../../../shared/protocol';
import { isActive, isChatEnded, progressLabel } from '../../../../shared/sessions';
import { RelativeTime } from '../../components/RelativeTime';

const MODE = { ask: 'Ask — a read-only inquiry', chat: 'Chat — a working conversation' } as const;

/** "Ended", "Open", or "Quiet": open but silent for 30 minutes, which the clock decides alone. */
export function chatState(session: ChatSession, now: number): 'Ended' | 'Open' | 'Quiet' {
  if (isChatEnded(session)) return 'Ended';
  return isActive(session, now) ? 'Open' : 'Quiet';
}

/** A chat's facts; the conversation itself is the transcript below. */
export function ChatDetail({ session, now }: { session: ChatSession; now: number }) {
  const state = chatState(session, now);
  return (
    <section className="detail-section" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <dl className="detail-facts">
        <dt>Mode</dt>
        <dd>{session.chat.mode ? MODE[session.chat.mode] : '—'}</dd>
        <dt>Messages</dt>
        <dd>{progressLabel(session)}</dd>
        <dt>State</dt>
        <dd>
          {state}
          {state === 'Quiet' && <span className="muted"> — no message in the past 30 minutes</span>}
        </dd>
        <dt>Last message</dt>
        <dd>
          <RelativeTime at={session.chat.lastMessageAt} now={now} />
        </dd>
      </dl>
    </section>
  );
}
