import type { TranscriptEntry } from '../../../shared/protocol';
import { redactText } from './engine';
import { MARKER_PREFIX, isPlaceholder, isSecretKeyName, marker } from './secret-names';

export { redactText };

// What a secret-named key's value may be reduced to by redactText and still count as fully redacted.
const MARKER_ONLY = /^(?:(?:Bearer|Basic|Token|Bot) )?\[REDACTED:[a-z0-9-]+\]$/i;
const AUTH_SCHEME = /^(Bearer|Basic|Token|Bot)\s+\S/i;

/**
 * A string under a key named like a credential is a credential whatever its shape, so all of it
 * goes, even `"password": "abc"`. A specific marker from redactText is kept when it covers the
 * whole value (`"token": "ghp_…"` says github-token), and an HTTP auth scheme stays readable.
 */
function redactNamedValue(value: string): string {
  if (value === '' || isPlaceholder(value)) return value;
  const redacted = redactText(value);
  if (value.includes(MARKER_PREFIX) || MARKER_ONLY.test(redacted)) return redacted;
  const scheme = AUTH_SCHEME.exec(value);
  return scheme ? `${scheme[1]} ${marker('authorization-header')}` : marker('generic-secret');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The deep walk. With `fresh` every array and object is rebuilt; without, an unchanged subtree
 * comes back as the same object, which lets redactEntry keep an unchanged entry's identity.
 */
function walk(value: unknown, fresh: boolean, key?: string): unknown {
  if (typeof value === 'string') {
    return key !== undefined && isSecretKeyName(key) ? redactNamedValue(value) : redactText(value);
  }
  if (Array.isArray(value)) {
    const out = value.map((v) => walk(v, fresh));
    return fresh || out.some((v, i) => v !== value[i]) ? out : value;
  }
  if (!isPlainObject(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const rk = redactText(k);
    const rv = walk(v, fresh, k);
    changed ||= rk !== k || rv !== v;
    // defineProperty, not assignment: a JSON key "__proto__" must stay a plain key.
    Object.defineProperty(out, rk, { value: rv, enumerable: true, writable: true, configurable: true });
  }
  return fresh || changed ? out : value;
}

/** Every string in a JSON value redacted (keys too), as a new value; the input is never mutated. */
export function redactValue(value: unknown): unknown {
  return walk(value, true);
}

const nullable = (s: string | null): string | null => (s === null ? s : redactText(s));

/** Keeps `entry` itself when nothing in `next` differs from `current`. */
function patch<E extends TranscriptEntry, K extends keyof E>(entry: E, field: K, current: E[K], next: E[K]): E {
  const a = current as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  return Object.keys(b).some((k) => a[k] !== b[k]) ? { ...entry, [field]: next } : entry;
}

/**
 * The free text of an entry redacted: message text, tool input and output, file contents (not
 * the path), step name, checkpoint prompt and comment, status reason. Same shape back, and the
 * same object when there was nothing to redact.
 */
export function redactEntry(entry: TranscriptEntry): TranscriptEntry {
  switch (entry.kind) {
    case 'message':
      return patch(entry, 'message', entry.message, { ...entry.message, text: redactText(entry.message.text) });
    case 'tool_call': {
      const t = entry.toolCall;
      const next = { ...t, input: walk(t.input, false) };
      if (t.output !== undefined) next.output = redactText(t.output);
      return patch(entry, 'toolCall', t, next);
    }
    case 'file_edit': {
      const f = entry.fileEdit;
      return patch(entry, 'fileEdit', f, { ...f, before: nullable(f.before), after: nullable(f.after) });
    }
    case 'step':
      return patch(entry, 'step', entry.step, { ...entry.step, name: redactText(entry.step.name) });
    case 'checkpoint': {
      const c = entry.checkpoint;
      const next = { ...c, prompt: redactText(c.prompt) };
      if (c.comment !== undefined) next.comment = redactText(c.comment);
      return patch(entry, 'checkpoint', c, next);
    }
    case 'status': {
      const s = entry.status;
      const next = { ...s };
      if (s.reason !== undefined) next.reason = redactText(s.reason);
      return patch(entry, 'status', s, next);
    }
  }
}
