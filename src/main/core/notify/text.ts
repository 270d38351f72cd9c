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
