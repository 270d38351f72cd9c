import type { Session } from '../../../../shared/protocol';

const SURFACE: Record<string, string> = { web: 'Web app', vscode: 'VS Code', schedule: 'Scheduled' };

/** "Web app", "VS Code", "Scheduled"; a surface this build does not know is shown as sent. */
export function surfaceLabel(surface: string): string {
  return Object.hasOwn(SURFACE, surface) ? SURFACE[surface]! : surface;
}

/** Where the work ran: the audit trail's "receipts" beside the transcript. */
export function RunMetadata({ session }: { session: Session }) {
  const o = session.origin;
  // Identifiers read as code; names and words do not.
  const rows: Array<[string, string | undefined, 'code'?]> = [
    ['Opened from', o?.surface ? surfaceLabel(o.surface) : undefined],
    ['Sandbox', o?.sandbox, 'code'],
    ['Profile', o?.profile, 'code'],
    ['Runtime', o?.runtime, 'code'],
    ['Repository', o?.repo, 'code'],
    ['Branch', o?.branch, 'code'],
    ['Initiative', session.initiative?.name],
    ['Plan', session.plan?.name],
    ['Session id', session.id, 'code'],
  ];
  return (
    <section className="detail-section" aria-labelledby="meta-heading">
      <h2 id="meta-heading">Run details</h2>
      <dl className="detail-facts">
        {rows
          .filter((row): row is [string, string, 'code'?] => row[1] !== undefined && row[1] !== '')
          .map(([term, value, code]) => (
            <div key={term} className="detail-fact">
              <dt>{term}</dt>
              <dd>{code ? <code>{value}</code> : value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
