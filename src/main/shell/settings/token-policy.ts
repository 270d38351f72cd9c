export interface TokenPolicyInput {
  /** safeStorage.isAsyncEncryptionAvailable() (after app ready). */
  encryptionAvailable: boolean;
  /** Linux only: safeStorage.getSelectedStorageBackend(); undefined on macOS and Windows. */
  linuxBackend?: string;
  /** The person accepted obfuscated storage where there is no keyring (tokenStorage 'plain-accepted'). */
  acceptedPlain: boolean;
  /** The person asked never to save the token (tokenStorage 'session-only'). */
  sessionOnlyChosen?: boolean;
}

export interface TokenPolicy {
  /**
   * 'encrypted': safeStorage with a real keyring. 'session-only': in memory until quit, asked for
   * again at the next start. 'plain': safeStorage after setUsePlainTextEncryption(true), i.e.
   * basic_text, obfuscated with a fixed key: recoverable by anyone who can read the file.
   */
  store: 'encrypted' | 'session-only' | 'plain';
  /** In words for the person, when the token is not protected the way they would assume. */
  warning?: string;
  /** Whether offering "save it anyway (obfuscated, not encrypted)" makes sense here. */
  canAcceptPlain: boolean;
}

const OBFUSCATED =
  'No keyring (such as GNOME Keyring or KWallet) is available, so your token is saved with basic_text storage: ' +
  'it is only obfuscated with a fixed key, not encrypted, and anyone who can read your files can recover it.';
const SESSION_NO_KEYRING =
  'No keyring (such as GNOME Keyring or KWallet) is available, so your token is kept only until you quit Parrot Tray ' +
  'and you will be asked for it at the next start. You can save it anyway, obfuscated but not encrypted, or set up a keyring.';
const UNKNOWN_KEYRING =
  'Parrot Tray could not tell which keyring this system uses, so your token is kept only until you quit ' +
  'and you will be asked for it at the next start.';

function keyringName(linuxBackend: string | undefined): string {
  if (linuxBackend === undefined) return 'The system keychain';
  if (linuxBackend === 'gnome_libsecret') return 'The keyring (libsecret)';
  if (linuxBackend.startsWith('kwallet')) return 'KWallet';
  return `The keyring (${linuxBackend})`;
}

/**
 * Where the API token may live. Pure: the store asks safeStorage and passes the answers in.
 *
 * On Linux the backend decides before availability does: with `basic_text` (no keyring found)
 * safeStorage can still "encrypt", with a key compiled into Chromium, which protects nothing. So
 * there the token stays in memory unless the person explicitly accepted that obfuscation; it is
 * never written in clear. 'unknown' means safeStorage was asked before app ready; it is treated
 * as no keyring rather than guessed at.
 */
export function decideTokenStorage(input: TokenPolicyInput): TokenPolicy {
  if (input.sessionOnlyChosen) return { store: 'session-only', canAcceptPlain: false };
  const { linuxBackend } = input;
  if (linuxBackend === 'unknown') return { store: 'session-only', warning: UNKNOWN_KEYRING, canAcceptPlain: false };
  if (linuxBackend === 'basic_text') {
    return input.acceptedPlain
      ? { store: 'plain', warning: OBFUSCATED, canAcceptPlain: false }
      : { store: 'session-only', warning: SESSION_NO_KEYRING, canAcceptPlain: true };
  }
  if (input.encryptionAvailable) return { store: 'encrypted', canAcceptPlain: false };
  // A real keyring that is locked or not answering: obfuscation cannot stand in for it (that
  // switch only exists for basic_text), so the only safe place left is memory.
  return {
    store: 'session-only',
    warning:
      `${keyringName(linuxBackend)} is not available right now (it may be locked), so your token is kept only ` +
      'until you quit Parrot Tray and you will be asked for it at the next start.',
    canAcceptPlain: false,
  };
}
