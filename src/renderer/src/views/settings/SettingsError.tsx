/** A refusal in words where the person made the change; nothing when there is none. */
export function SettingsError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="settings-error" role="alert">
      {message}
    </p>
  );
}
