/** A placeholder until the Command Center lands: says what the app is, in the user's words. */
export function App() {
  return (
    <main>
      <h1>Parrot Tray</h1>
      <p>What is my agent doing right now, and where do I pick it back up?</p>
    </main>
  );
}
