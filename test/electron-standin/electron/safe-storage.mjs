// safeStorage on Linux (docs/api/safe-storage.md, electron_api_safe_storage.cc, Chromium's
// OSCrypt): ciphertext is "v10" + AES-128-CBC under the hard-coded "peanuts" key (basic_text), or
// "v11" + AES-128-CBC under a keyring secret (gnome_libsecret / kwallet*). The keyring is a file
// kept per launch directory, standing in for the desktop's secret service.
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app } from './app.mjs';
import { guard, options } from './runtime.mjs';

const BACKEND = options.safeStorageBackend ?? 'basic_text';
const IV = Buffer.alloc(16, ' ');
let usePlainText = false;
let keyringKey = null;

const derive = (password) => pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1');
function v11Key() {
  if (keyringKey) return keyringKey;
  const file = options.keyringFile ?? join(app.getPath('userData'), '.standin-keyring');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(16).toString('base64'), { mode: 0o600 });
  }
  keyringKey = derive(readFileSync(file, 'utf8'));
  return keyringKey;
}
const keyringUp = () => BACKEND !== 'basic_text' && options.keyringAvailable !== false;

function available() {
  if (!app.isReady()) return false;
  return keyringUp() || (usePlainText && BACKEND === 'basic_text');
}
function encrypt(text) {
  const [prefix, key] = keyringUp() ? ['v11', v11Key()] : ['v10', derive('peanuts')];
  const cipher = createCipheriv('aes-128-cbc', key, IV);
  return Buffer.concat([Buffer.from(prefix), cipher.update(String(text), 'utf8'), cipher.final()]);
}
function decrypt(buffer, api) {
  if (buffer.length === 0) return '';
  const prefix = buffer.subarray(0, 3).toString('latin1');
  if (prefix !== 'v10' && prefix !== 'v11') throw new Error(`Error while decrypting the ciphertext provided to ${api}. Ciphertext does not appear to be encrypted.`);
  try {
    const decipher = createDecipheriv('aes-128-cbc', prefix === 'v11' ? v11Key() : derive('peanuts'), IV);
    return Buffer.concat([decipher.update(buffer.subarray(3)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(`Error while decrypting the ciphertext provided to ${api}.`);
  }
}
function requireAvailable(verb, api) {
  if (available()) return;
  if (!app.isReady()) throw new Error('safeStorage cannot be used before app is ready');
  throw new Error(`Error while ${verb}ing the ${verb === 'encrypt' ? 'text' : 'ciphertext'} provided to ${api}. ${verb === 'encrypt' ? 'Encryption' : 'Decryption'} is not available.`);
}

export const safeStorage = guard('safeStorage', {
  isEncryptionAvailable: available,
  setUsePlainTextEncryption(flag) { usePlainText = !!flag; },
  getSelectedStorageBackend: () => (app.isReady() ? BACKEND : 'unknown'),
  encryptString(text) {
    requireAvailable('encrypt', 'safeStorage.encryptString');
    return encrypt(text);
  },
  decryptString(buffer) {
    requireAvailable('decrypt', 'safeStorage.decryptString');
    if (!Buffer.isBuffer(buffer)) throw new Error('Expected the first argument of decryptString() to be a buffer');
    return decrypt(buffer, 'safeStorage.decryptString');
  },
  // The async API's Linux fallback provider works without a secret service (docs: Asynchronous API).
  isAsyncEncryptionAvailable: async () => app.isReady(),
  async encryptStringAsync(text) {
    if (!app.isReady()) throw new Error('safeStorage cannot be used before app is ready');
    return encrypt(text);
  },
  async decryptStringAsync(buffer) {
    if (!app.isReady()) throw new Error('safeStorage cannot be used before app is ready');
    return { shouldReEncrypt: false, result: decrypt(Buffer.from(buffer), 'safeStorage.decryptStringAsync') };
  },
});
