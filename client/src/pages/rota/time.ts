// The rota is on the Brussels clock whatever the phone's time zone says.
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Brussels';
export const brussels = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
export const hhmm = (iso: string) => brussels(iso).toFormat('HH:mm');
export const dayLabel = (iso: string, lang: string) => brussels(iso).setLocale(lang === 'en' ? 'en-GB' : 'nl-BE').toFormat('ccc d LLL');
/** A datetime-local value ("2026-10-24T17:00") read as Brussels time, sent with its offset. */
export const fromLocalInput = (value: string) => DateTime.fromISO(value, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? '';
export const toLocalInput = (iso: string) => brussels(iso).toFormat("yyyy-LL-dd'T'HH:mm");
