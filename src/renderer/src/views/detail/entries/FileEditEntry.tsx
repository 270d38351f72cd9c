import { useMemo } from 'react';
import type { TranscriptEntry } from '../../../../../shared/protocol';
import { fileDiff, type DiffLine } from './diff-lines';
import { EntryTime } from './EntryTime';
import { Redactable } from './Redacted';

type FileEdit = Extract<TranscriptEntry, { kind: 'file_edit' }>;

const CHANGE_LABEL = { created: 'New file', deleted: 'Deleted file', edited: 'Edited' } as const;
const SIGN = { added: '+', removed: '-', context: ' ' } as const;
// Said to screen readers, since a "+" or a colour alone does not tell them a line was added.
const SPOKEN = { added: 'Added: ', removed: 'Removed: ', context: '' } as const;

/** A file edit as a before/after line diff, with the change counted in the header. */
export function FileEditEntry({ entry }: { entry: FileEdit }) {
  const { path, before, after } = entry.fileEdit;
  const diff = useMemo(() => fileDiff(before, after), [before, after]);
  return (
    <div className="entry-file">
      <div className="entry-head">
        <span className={`entry-file-change entry-file-${diff.change}`}>{CHANGE_LABEL[diff.change]}</span>
        <code className="entry-file-path">{path}</code>
        <span className="entry-file-stats">
          <span className="diff-count-added">+{diff.added}</span> <span className="diff-count-removed">−{diff.removed}</span>
        </span>
        <EntryTime at={entry.at} />
      </div>
      <pre className="diff">
        {diff.lines.map((line, i) => (
          <DiffRow key={i} line={line} />
        ))}
      </pre>
    </div>
  );
}

function DiffRow({ line }: { line: DiffLine }) {
  if (line.type === 'skipped') {
    return (
      <span className="diff-line diff-skipped">
        ⋯ {line.count} unchanged {line.count === 1 ? 'line' : 'lines'}
        {'\n'}
      </span>
    );
  }
  return (
    <span className={`diff-line diff-${line.type}`} data-change={line.type}>
      <span className="visually-hidden">{SPOKEN[line.type]}</span>
      <span className="diff-sign" aria-hidden="true">
        {SIGN[line.type]}
      </span>
      <Redactable text={line.text} />
      {'\n'}
    </span>
  );
}
