// The stored person key: a SHA-256 of the match text, so the index links contacts without holding names.
import { createHash } from 'node:crypto';
import { personMatchText } from '../../shared/rules/intake/person-key';

/** @public */
export function personKey(name: string, birthDate?: string | null): string | null {
  const text = personMatchText(name, birthDate);
  return text ? createHash('sha256').update(text).digest('hex') : null;
}
