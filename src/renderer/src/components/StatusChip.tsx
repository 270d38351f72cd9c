import { statusWords } from '../../../shared/format';
import type { Session } from '../../../shared/protocol';
import { categoryOf } from '../../../shared/sessions';

/** The status in words, coloured by category; the words carry it, the colour only helps. */
export function StatusChip({ session }: { session: Session }) {
  const category = categoryOf(session);
  return (
    <span className={`chip chip-${category}`} data-category={category}>
      {statusWords(session.status, session.checkpoint != null)}
    </span>
  );
}
