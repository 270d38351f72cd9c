import type { Checkpoint, Session } from '../../../shared/protocol';
import { redactText } from '../redact';

// A notification banner shows about this much before the OS cuts it anyway; cutting here keeps the
// CLI's JSON lines and the shell's banners the same.
export const TITLE_MAX = 64;
export const BODY_MAX = 140;

const KIND_LABEL: Record<Session['kind'], string> = {
  flow_run: 'Flow run',
  background_task: 'Background task',
  chat: 'Chat',
};

/**
 * Redacted (a prompt or error message may quote a credential, and banners are screenshotted and
 * the CLI's lines logged), on one line, at most `max` characters counted by code point so an
 * emoji is never split in half.
 */
export function clip(text: string, max: number): string {
  const flat = redactText(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  return chars.slice(0, max - 1).join('').trimEnd() + '…';
}

export const approvalTitle = (s: Session): string => clip(`Approval needed: ${s.title}`, TITLE_MAX);
export const withdrawTitle = (s: Session): string => clip(`No longer waiting: ${s.title}`, TITLE_MAX);
export const failureTitle = (s: Session): string => clip(`Failed: ${s.title}`, TITLE_MAX);

export function checkpointBody(cp: Checkpoint): string {
  return clip(cp.step ? `${cp.step} — ${cp.prompt}` : cp.prompt, BODY_MAX);
}

export function failureBody(s: Session): string {
  return clip(s.error?.message || s.error?.code || `${KIND_LABEL[s.kind]} failed`, BODY_MAX);
}

export function summaryTitle(kind: 'approvals' | 'failures', count: number): string {
  return kind === 'approvals' ? `${count} approvals waiting` : `${count} sessions failed`;
}

export function summaryBody(sessions: readonly Session[]): string {
  return clip(sessions.map((s) => s.title).join(', '), BODY_MAX);
}

/** A session's title shortened so `rest` still fits the title line whole (when it can). */
function titled(subject: string, rest: string): string {
  const room = Math.max(SUBJECT_MIN, TITLE_MAX - Array.from(rest).length - 1);
  return clip(`${clip(subject, room)} ${rest}`, TITLE_MAX);
}
// Below this the title would no longer say which session it is; the rest is cut instead.
const SUBJECT_MIN = 20;

/** "35 min", "1 h", "2 h 5 min": how long, to the minute (never "0 min"). */
export function minutesWords(ms: number): string {
  const m = Math.max(1, Math.round(ms / 60_000));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export const reminderTitle = (s: Session): string => clip(`Reminder: ${s.title}`, TITLE_MAX);

export function reminderBody(cp: Checkpoint, waitedMs: number): string {
  const what = cp.step ? `${cp.step} — ${cp.prompt}` : cp.prompt;
  return clip(`Waiting ${minutesWords(waitedMs)}: ${what}`, BODY_MAX);
}

export const reminderSummaryTitle = (count: number): string => `Reminder: ${count} approvals still waiting`;

/** How a run the person approved ended: the words of its follow-up. */
export type RunEnd = 'finished' | 'failed' | 'rejected' | 'cancelled';

/** "4 min after your approval", or "just after your approval" within the minute. */
export function afterApproval(ms: number): string {
  return ms < 60_000 ? 'just after your approval' : `${minutesWords(ms)} after your approval`;
}

/**
 * "Release train finished 4 min after your approval", "Release train failed at step 5: ENOSPC".
 * A failure says where and why rather than when: that is what the person acts on.
 */
export function followUpTitle(s: Session, end: RunEnd, sinceApprovalMs: number): string {
  const at = s.kind === 'flow_run' && s.flow.stepIndex > 0 ? ` at step ${s.flow.stepIndex}` : '';
  switch (end) {
    case 'finished':
      return titled(s.title, `finished ${afterApproval(sinceApprovalMs)}`);
    case 'failed': {
      const why = s.error?.message || s.error?.code;
      return titled(s.title, `failed${at}${why ? `: ${why}` : ''}`);
    }
    case 'rejected':
      return titled(s.title, `was rejected${at}`);
    case 'cancelled':
      return titled(s.title, `was cancelled ${afterApproval(sinceApprovalMs)}`);
  }
}

/** The whole error when there is one (the title may have cut it), else the kind and status. */
export function followUpBody(s: Session): string {
  return clip(s.error?.message || s.error?.code || `${KIND_LABEL[s.kind]} ${s.status}`, BODY_MAX);
}

export const followUpSummaryTitle = (count: number): string => `${count} runs you approved have ended`;

/** "3 finished, 1 failed": the ends in a fixed order, only those that happened. */
export function followUpSummaryBody(ends: readonly RunEnd[]): string {
  const order: RunEnd[] = ['finished', 'failed', 'rejected', 'cancelled'];
  return order
    .map((end) => [end, ends.filter((e) => e === end).length] as const)
    .filter(([, n]) => n > 0)
    .map(([end, n]) => `${n} ${end}`)
    .join(', ');
}
