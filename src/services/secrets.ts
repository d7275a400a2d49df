// Secrets at rest: AES-256-GCM with a 256-bit key derived (scrypt) from MAALTAVLE_SECRET_KEY. A fresh
// 96-bit IV per write; the GCM tag makes a wrong key or a changed ciphertext fail instead of decrypting
// to garbage. Plain text never leaves the server.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const SALT = 'maaltavle-secrets-v1';

function keyOf(secretKey: string): Buffer {
  if (secretKey.length < 16)
    throw new Error('MAALTAVLE_SECRET_KEY skal være mindst 16 tegn (brug fx `openssl rand -base64 32`)');
  return scryptSync(secretKey, SALT, 32);
}

export function encryptSecret(plain: string, secretKey: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function decryptSecret(s: { ciphertext: string; iv: string; tag: string }, secretKey: string): string {
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(s.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(s.ciphertext, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}
