/**
 * Phone numbers as people type them on a night call, stored as E.164.
 *
 * Uses the `max` metadata: the default (`min`) metadata only checks lengths and would accept
 * numbers that cannot exist (e.g. 0400 12 34 56, 0440 ...), and cannot tell mobile from fixed,
 * which matters when deciding whether to text or call back.
 * National-format input is read as Belgian; "+.." / "00.." input may be any country (the Kempen
 * borders the Netherlands, and referrers sometimes give a Dutch mobile).
 */
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import { z } from 'zod';
import { say } from './say';

/** @public */
export type PhoneType =
  | 'mobile'
  | 'fixed'
  | 'fixed-or-mobile'
  | 'toll-free'
  | 'premium-rate'
  | 'shared-cost'
  | 'voip'
  | 'personal'
  | 'pager'
  | 'uan'
  | 'voicemail';

/** @public */
export type ParsedPhone =
  | { ok: true; e164: string; national: string; country?: string; type?: PhoneType }
  | { ok: false; error: string };

const TYPES: Record<NonNullable<NumberType>, PhoneType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed',
  FIXED_LINE_OR_MOBILE: 'fixed-or-mobile',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

// Separators people use in Belgium: spaces, "/", ".", "-", brackets. Anything else (letters, an
// "ext") is refused rather than silently dropped, so a mistyped O for 0 is caught.
const ALLOWED = /^\+?[\d\s/.\-()]+$/;

/** @public */
export function parsePhone(input: string, defaultCountry: CountryCode = 'BE'): ParsedPhone {
  const raw = input.trim();
  const be = defaultCountry === 'BE';
  const bad = (why: string): ParsedPhone => ({
    ok: false,
    error: say(
      `geen geldig ${be ? 'Belgisch ' : ''}telefoonnummer: "${raw}" (${why})`,
      `not a valid ${be ? 'Belgian ' : ''}phone number: "${raw}" (${why})`,
    ),
  });
  if (raw === '') return bad(say('het is leeg', 'it is empty'));
  if (!ALLOWED.test(raw))
    return bad(say('gebruik alleen cijfers, spaties en + / . - ( )', 'use only digits, spaces and + / . - ( )'));
  const digits = raw.replace(/\D/g, '');
  if (/^(100|101|112|1733)$/.test(digits))
    return bad(
      say(
        'noodnummers kunnen niet als contactnummer bewaard worden',
        'emergency numbers cannot be stored as a contact number',
      ),
    );

  // "0032..." is the same as "+32..."; libphonenumber only reads 00 as an exit code for some countries.
  const normalised = raw.startsWith('00') ? `+${raw.replace(/^00/, '')}` : raw;
  const p = parsePhoneNumberFromString(normalised, { defaultCountry, extract: false });
  if (!p)
    return bad(
      say(
        'bv. 0470 12 34 56, 014 12 34 56 of +32 470 12 34 56',
        'expected e.g. 0470 12 34 56, 014 12 34 56 or +32 470 12 34 56',
      ),
    );
  if (!p.isValid()) {
    const expect =
      p.country === 'BE' || (!p.country && defaultCountry === 'BE')
        ? say(
            'gsm-nummers zijn 04xx xx xx xx, vaste nummers hebben 9 cijfers met de 0, bv. 014 12 34 56',
            'mobile numbers are 04xx xx xx xx, fixed lines have 9 digits with the 0, e.g. 014 12 34 56',
          )
        : say('controleer de landcode en het aantal cijfers', 'check the country code and the number of digits');
    return bad(say(`${digits.length} cijfers; ${expect}`, `${digits.length} digits; ${expect}`));
  }
  const type = p.getType();
  return {
    ok: true,
    e164: p.number,
    national: p.formatNational(),
    ...(p.country ? { country: p.country } : {}),
    ...(type ? { type: TYPES[type] } : {}),
  };
}

/**
 * For display: Belgian numbers in national format ("0470 12 34 56"), others international.
 * @public
 */
export function formatPhone(e164: string): string {
  const p = parsePhoneNumberFromString(e164, { extract: false });
  if (!p) return e164;
  return p.country === 'BE' ? p.formatNational() : p.formatInternational();
}

/**
 * Accepts a typed phone number, outputs E.164 (e.g. "+32470123456").
 * @public
 */
export const phoneSchema = z.string().transform((input, ctx) => {
  const r = parsePhone(input);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r.e164;
});
