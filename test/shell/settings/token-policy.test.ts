import { describe, expect, it } from 'vitest';
import { decideTokenStorage } from '../../../src/main/shell/settings/token-policy';

describe('decideTokenStorage', () => {
  it('encrypts with a real keyring, without a word', () => {
    for (const linuxBackend of [undefined, 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      for (const acceptedPlain of [false, true]) {
        expect(decideTokenStorage({ encryptionAvailable: true, acceptedPlain, ...(linuxBackend ? { linuxBackend } : {}) })).toEqual({ store: 'encrypted', canAcceptPlain: false });
      }
    }
  });

  it('keeps the token for the session where Linux has no keyring (basic_text), and says so', () => {
    for (const encryptionAvailable of [false, true]) {
      const policy = decideTokenStorage({ encryptionAvailable, linuxBackend: 'basic_text', acceptedPlain: false });
      expect(policy.store).toBe('session-only');
      expect(policy.canAcceptPlain).toBe(true);
      expect(policy.warning).toMatch(/No keyring .* kept only until you quit .* obfuscated but not encrypted/);
    }
  });

  it('saves it obfuscated with basic_text once the person accepted, and says it is not encryption', () => {
    const policy = decideTokenStorage({ encryptionAvailable: false, linuxBackend: 'basic_text', acceptedPlain: true });
    expect(policy).toMatchObject({ store: 'plain', canAcceptPlain: false });
    expect(policy.warning).toMatch(/only obfuscated with a fixed key, not encrypted/);
  });

  it('keeps it for the session when a real keyring is unavailable, and never offers plain there', () => {
    const cases = [
      [undefined, /^The system keychain is not available right now/],
      ['gnome_libsecret', /^The keyring \(libsecret\) is not available/],
      ['kwallet6', /^KWallet is not available/],
      ['portal', /^The keyring \(portal\) is not available/],
    ] as const;
    for (const [linuxBackend, words] of cases) {
      for (const acceptedPlain of [false, true]) {
        const policy = decideTokenStorage({ encryptionAvailable: false, acceptedPlain, ...(linuxBackend ? { linuxBackend } : {}) });
        expect(policy).toMatchObject({ store: 'session-only', canAcceptPlain: false });
        expect(policy.warning).toMatch(words);
      }
    }
  });

  it("does not guess when the backend is 'unknown' (asked before app ready)", () => {
    for (const acceptedPlain of [false, true]) {
      const policy = decideTokenStorage({ encryptionAvailable: true, linuxBackend: 'unknown', acceptedPlain });
      expect(policy).toMatchObject({ store: 'session-only', canAcceptPlain: false });
      expect(policy.warning).toMatch(/could not tell which keyring/);
    }
  });

  it('honours a person who chose never to save it, quietly', () => {
    expect(decideTokenStorage({ encryptionAvailable: true, acceptedPlain: false, sessionOnlyChosen: true })).toEqual({ store: 'session-only', canAcceptPlain: false });
    expect(decideTokenStorage({ encryptionAvailable: false, linuxBackend: 'basic_text', acceptedPlain: true, sessionOnlyChosen: true }).store).toBe('session-only');
  });
});
