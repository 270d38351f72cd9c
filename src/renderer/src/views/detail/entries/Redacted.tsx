import type { ReactNode } from 'react';

// The companion's own redaction marker (PROTOCOL.md section 6): the rule name, never the value.
const MARKER = /\[REDACTED:([A-Za-z0-9._-]+)\]/g;

/**
 * Text with each `[REDACTED:<rule>]` shown as a subtle badge, so people see that something was
 * hidden there rather than reading the marker as part of the prose. The marker text itself stays,
 * so copying still says what was removed.
 */
export function Redactable({ text }: { text: string }) {
  return <>{withRedactions(text)}</>;
}

export function withRedactions(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    const start = m.index ?? 0;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <span key={start} className="redacted" title={`Hidden by redaction: ${m[1]}`}>
        {m[0]}
      </span>,
    );
    at = start + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
