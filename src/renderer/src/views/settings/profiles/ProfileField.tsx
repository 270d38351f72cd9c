import type { ReactNode } from 'react';

/** What a profile field asks for: a name, a backend URL, or a token (typed blind, never shown back). */
export type ProfileFieldKind = 'name' | 'url' | 'token';

const INPUT_PROPS = {
  name: { type: 'text' },
  url: { type: 'url', inputMode: 'url', spellCheck: false, placeholder: 'wss://…' },
  token: { type: 'password', spellCheck: false },
} as const;

interface Props {
  /** The form's useId(): the field's id is `${formId}-${kind}`. */
  formId: string;
  kind: ProfileFieldKind;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Why the value was refused, said under the field and tied to it for screen readers. */
  error?: string | null;
  /** A standing note under the field (what an empty name means, whether a token is saved). */
  hint?: ReactNode;
}

/**
 * One labelled input of the profile forms (Add a profile, and each profile's own), so both say a
 * refusal, a hint and a token the same way.
 */
export function ProfileField({ formId, kind, label, value, onChange, placeholder, error, hint }: Props) {
  const id = `${formId}-${kind}`;
  const note = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <>
      <label className="settings-field" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="settings-input profiles-input"
        autoComplete="off"
        {...INPUT_PROPS[kind]}
        {...(placeholder !== undefined ? { placeholder } : {})}
        aria-invalid={error ? true : undefined}
        aria-describedby={note}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="settings-error" role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="settings-hint">
            {hint}
          </p>
        )
      )}
    </>
  );
}

/** The outcome of a save: "Saved" as a status, a refusal as an alert, in the server's words. */
export function SaveOutcome({ outcome }: { outcome: { ok: boolean; text: string } | null }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'settings-hint' : 'settings-error'}>
      {outcome.text}
    </p>
  );
}
