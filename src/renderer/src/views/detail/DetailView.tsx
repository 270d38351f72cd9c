import type { Session } from '../../../../shared/protocol';
import { isActive } from '../../../../shared/sessions';
import { ConnectionStatus } from '../../components/ConnectionStatus';
import { useNow } from '../../state/useNow';
import { useLiveQuery } from '../../state/useLiveQuery';
import { useUiStore } from '../../state/useUiStore';
import { ChatDetail } from './ChatDetail';
import { DetailHeader } from './DetailHeader';
import { FlowTimeline } from './FlowTimeline';
import { RunMetadata } from './RunMetadata';
import { TaskDetail } from './TaskDetail';
import { Transcript } from './Transcript';
import { useTranscript } from './useTranscript';
import '../../styles/detail.css';

/** One session in full: what the row says, plus the view its kind calls for, its metadata and transcript. */
export function DetailView({ id }: { id: string }) {
  const { result, current, error } = useLiveQuery({ view: 'session', id });
  const back = useUiStore((s) => s.back);
  // While the answer for another session (a parent, a child) is on its way, the one on screen
  // stays; not once the core has refused this one, whose answer will never come.
  const session = error ? null : (result?.session ?? null);
  const loaded = current && result !== null;

  if (!session) {
    return (
      <main className="detail-page detail-missing" aria-labelledby="detail-missing-heading">
        <DetailConnection />
        <button type="button" className="detail-back" onClick={back}>
          <span aria-hidden="true">← </span>Back
        </button>
        <h1 id="detail-missing-heading">{error ? 'Session could not be opened' : loaded ? 'Session not found' : 'Loading session…'}</h1>
        {error ? <p role="alert">{error}</p> : loaded && <p className="muted">It may have been removed, or it is older than what this computer keeps.</p>}
      </main>
    );
  }
  // Keyed by id: moving to another session (a parent, a child) starts its own transcript afresh.
  return <SessionDetail key={session.id} session={session} related={result?.related ?? NONE} onBack={back} />;
}

/**
 * First in the page and sticky, outside the header (a sticky box stays inside its parent): the
 * person deep in a transcript still sees whether it is live or as of when.
 */
function DetailConnection() {
  return (
    <p className="detail-connection">
      <ConnectionStatus />
    </p>
  );
}

const NONE: readonly Session[] = [];

function SessionDetail({ session, related, onBack }: { session: Session; related: readonly Session[]; onBack: () => void }) {
  const now = useNow();
  const transcript = useTranscript(session.id);
  const isChat = session.kind === 'chat';

  return (
    <main className={`detail-page detail-${session.kind}`} aria-label={session.title}>
      <DetailConnection />
      <DetailHeader session={session} now={now} onBack={onBack} />
      <div className="detail-body">
        {session.kind === 'flow_run' && <FlowTimeline session={session} entries={transcript.entries} />}
        {session.kind === 'background_task' && <TaskDetail session={session} related={related} now={now} />}
        {session.kind === 'chat' && <ChatDetail session={session} now={now} />}
        <RunMetadata session={session} />
        <Transcript
          state={transcript}
          label={isChat ? 'Conversation' : 'Transcript'}
          variant={isChat ? 'conversation' : 'log'}
          startAtEnd={isChat || isActive(session, now)}
        />
      </div>
    </main>
  );
}
