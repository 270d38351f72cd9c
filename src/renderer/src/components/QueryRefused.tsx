/**
 * A live query the core will not run (useLiveQuery's error), said where its answer would be:
 * without it the view would say "Loading…" for ever, since no answer is coming.
 */
export function QueryRefused({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" className="notice notice-problem">
      <h2 className="notice-title">{title}</h2>
      <p>{message}</p>
    </div>
  );
}
