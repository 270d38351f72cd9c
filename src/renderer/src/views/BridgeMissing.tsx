/**
 * Shown instead of the app when the window has no bridge to main: a sentence the person can act
 * on and report, rather than "Connecting…" forever.
 */
export function BridgeMissing({ message }: { message: string }) {
  return (
    <main className="bridge-missing" role="alert">
      <h1>Parrot Tray can't load this window</h1>
      <p>{message}</p>
      <p>
        Quit Parrot Tray from its tray menu and start it again. If this keeps happening, the app's
        files are damaged or incomplete: reinstall it, and report the problem with the app's log.
      </p>
    </main>
  );
}
