import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../shared/protocol';
import { ACTION_FAILED, ACTION_SENT, type SessionAction } from '../../../shared/sessions';
import { useApi } from '../api/api-context';
import { rowConnection } from '../state/useProfileOf';
import { useStatusStore } from '../state/useStatusStore';
import { actionBlockedReason, errorWords, refusalWords } from './actionWords';
import { REMIND_LATER_MINUTES } from '../../../shared/notify-settings';
import type { RowMenuItemId } from './rowMenuItems';

/** How long a note that needs no answer stays ("Sent — waiting…" when the stream is slow, "Muted…"). */
export const NOTE_MS = 5_000;

export interface ActionNote {
  /** status: said politely and goes by itself; alert: a refusal, which stays until the next action. */
  tone: 'status' | 'alert';
  text: string;
}

interface HeldNote extends ActionNote {
  /** Goes as soon as the session moves from this state (the stream answered), or after NOTE_MS. */
  untilMoved?: string;
}

export interface SessionActions {
  /** What is on its way; buttons say "Cancelling…" and take no second press. */
  busy: RowMenuItemId | null;
  note: ActionNote | null;
  /** The cancel confirmation is open. */
  confirming: boolean;
  /** Resume and end are sent at once; cancel opens the confirmation first. `returnFocus` gets focus back when it closes. */
  request: (action: SessionAction, returnFocus?: HTMLElement | null) => void;
  confirmCancel: () => void;
  dismissCancel: () => void;
  remind: () => void;
  mute: () => void;
}

/** Where the session stands: a note waiting for "the stream says so" goes once this changes. */
const stampOf = (s: Session) => `${s.status}\u0000${s.updatedAt}\u0000${s.checkpoint?.id ?? ''}`;

/**
 * Resume, cancel and end for one session, and a row's own extras (remind, mute), with what they
 * say. Nothing here changes the session: an accepted command only says it was sent, and the
 * session moves when the core's answer does, so what the person sees is what the server holds.
 */
export function useSessionActions(session: Session): SessionActions {
  const api = useApi();
  const [busy, setBusy] = useState<RowMenuItemId | null>(null);
  const [note, setNote] = useState<HeldNote | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inFlight = useRef(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const latest = useRef(session);
  latest.current = session;

  useEffect(() => {
    if (note?.tone !== 'status') return;
    const timer = setTimeout(() => setNote((n) => (n === note ? null : n)), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note]);

  useEffect(() => {
    // Focus can only go back once the modal dialog is gone; until then the page behind is inert.
    if (!confirming && returnFocus.current) {
      const to = returnFocus.current;
      returnFocus.current = null;
      if (to.isConnected) to.focus();
    }
  }, [confirming]);

  /** One thing at a time per session: a second press while the first is on its way does nothing. */
  const attempt = async (id: RowMenuItemId, work: () => Promise<HeldNote>, failed: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(id);
    setNote(null);
    try {
      setNote(await work());
    } catch (error) {
      setNote({ tone: 'alert', text: errorWords(failed, error) });
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const send = (action: SessionAction) => {
    const failed = ACTION_FAILED[action];
    // Its own profile's connection, read at the press: another profile's trouble does not block it.
    const blocked = actionBlockedReason(rowConnection(useStatusStore.getState(), latest.current.id).phase);
    if (blocked) {
      setNote({ tone: 'alert', text: `${failed}: ${blocked}` });
      return;
    }
    const sent = latest.current;
    void attempt(
      action,
      async () => {
        const reply = await api.call('command', { action, sessionId: sent.id });
        return reply.ok ? { tone: 'status', text: ACTION_SENT, untilMoved: stampOf(sent) } : { tone: 'alert', text: refusalWords(failed, reply) };
      },
      failed,
    );
  };

  const request = (action: SessionAction, focusAfter: HTMLElement | null = null) => {
    if (action !== 'cancel') return send(action);
    returnFocus.current = focusAfter;
    setConfirming(true);
  };

  const remind = () =>
    void attempt(
      'remind',
      async () => {
        await api.call('remindLater', { sessionId: latest.current.id, minutes: REMIND_LATER_MINUTES });
        return { tone: 'status', text: 'Reminder set: this checkpoint notifies you again in 1 h' };
      },
      "Couldn't set a reminder",
    );

  const mute = () =>
    void attempt(
      'mute',
      async () => {
        const s = latest.current;
        if (s.kind !== 'flow_run' || !s.flow.flowId) return { tone: 'alert', text: "Couldn't mute: this run names no flow" };
        const flow = { id: s.flow.flowId, name: s.flow.flowName ?? s.flow.flowId };
        const { mutedFlows } = await api.call('getSettings', {});
        if (mutedFlows.some((f) => f.id === flow.id)) return { tone: 'status', text: `“${flow.name}” is already muted` };
        // The core adds it to the list it holds: nothing another window muted meanwhile is lost.
        await api.call('muteFlow', { flow, muted: true });
        return { tone: 'status', text: `Muted “${flow.name}”: its checkpoints won't notify you (unmute in Settings)` };
      },
      "Couldn't mute this flow",
    );

  const shown = note && note.untilMoved !== undefined && note.untilMoved !== stampOf(session) ? null : note;
  return {
    busy,
    note: shown ? { tone: shown.tone, text: shown.text } : null,
    confirming,
    request,
    confirmCancel: () => {
      setConfirming(false);
      // Asked on the state shown when the dialog opened; if the session moved since, the server says so in words.
      send('cancel');
    },
    dismissCancel: () => setConfirming(false),
    remind,
    mute,
  };
}
