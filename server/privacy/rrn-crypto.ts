// National register numbers at rest: AES-256-GCM with a key from the environment (RRN_KEY, 32 bytes in
// base64). Stored as "v1:<key id>:<iv>:<tag>:<ciphertext>", the key id being the first 8 hex digits of
// the key's SHA-256, so a rotation (new RRN_KEY, the old one in RRN_KEYS_PREVIOUS) can tell which rows
// still need re-encrypting: reencryptRrns does that at start-up.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** @public */
export interface RrnKeys {
  current: Buffer;
  previous: Buffer[];
}

/** @public */
export const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** @public */
export function parseRrnKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('RRN_KEY: expected 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

/** @public */
export function encryptRrn(plain: string, keys: RrnKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    keyId(keys.current),
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ct.toString('base64'),
  ].join(':');
}

/**
 * The plain number; a value stored before encryption (digits only) is returned as it is.
 * @public
 */
export function decryptRrn(stored: string, keys: RrnKeys): string {
  if (!stored.startsWith('v1:')) return stored;
  const [, kid, iv, tag, ct] = stored.split(':');
  const key = [keys.current, ...keys.previous].find((k) => keyId(k) === kid);
  if (!key) throw new Error(`no RRN key with id ${kid}: add the old key to RRN_KEYS_PREVIOUS`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64'));
  decipher.setAuthTag(Buffer.from(tag!, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct!, 'base64')), decipher.final()]).toString('utf8');
}
