/**
 * Belgian national register number (rijksregisternummer, YY.MM.DD-SSS.CC) and BIS numbers.
 * Storing one needs an authorisation, so the desk mostly validates and masks it.
 *
 * Check digits: CC = 97 - (first 9 digits mod 97). For births from 2000 on the 9 digits are
 * prefixed with "2" first; the year has only two digits, so a number is valid if either variant
 * matches. BIS numbers add 20 (gender unknown) or 40 (gender known) to the month, same checksum.
 * Month 00 / day 00 occur for people whose birth date is not (fully) known.
 */
import { z } from 'zod';
import { say } from './say';

const FORMATTED = /^(\d{2})\.(\d{2})\.(\d{2})-(\d{3})\.(\d{2})$/;
const PLAIN = /^\d{11}$/;

/**
 * The 11 digits of a number typed as YY.MM.DD-SSS.CC or as 11 digits; null for anything else.
 * @public
 */
export function normalizeRrn(input: string): string | null {
  const s = input.trim();
  if (PLAIN.test(s)) return s;
  const m = FORMATTED.exec(s);
  return m ? m.slice(1).join('') : null;
}

function checkDigits(first9: string, bornFrom2000: boolean): number {
  // 10 digits stay below 2^53, so plain numbers are exact here.
  const n = Number((bornFrom2000 ? '2' : '') + first9);
  return 97 - (n % 97);
}

/** @public */
export function isValidRrn(input: string): boolean {
  const d = normalizeRrn(input);
  if (!d) return false;
  const rawMonth = Number(d.slice(2, 4));
  const baseMonth = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  const day = Number(d.slice(4, 6));
  if (baseMonth > 12 || day > 31) return false;
  const first9 = d.slice(0, 9);
  const cc = Number(d.slice(9, 11));
  return checkDigits(first9, false) === cc || checkDigits(first9, true) === cc;
}

/**
 * Is this a BIS number (month + 20 or + 40) rather than a national register number?
 * @public
 */
export function isBisNumber(input: string): boolean {
  const d = normalizeRrn(input);
  return d !== null && isValidRrn(d) && Number(d.slice(2, 4)) >= 20;
}

/**
 * "85.07.30-***.**": keeps the birth-date part, hides serial and check digits.
 * @public
 */
export function maskRrn(input: string): string {
  const d = normalizeRrn(input);
  if (!d) return '**.**.**-***.**'; // unparseable: show nothing rather than leak part of it
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-***.**`;
}

/**
 * Accepts either format, outputs the 11 digits.
 * @public
 */
export const rrnSchema = z.string().transform((input, ctx) => {
  const d = normalizeRrn(input);
  if (!d || !isValidRrn(d)) {
    ctx.addIssue({
      code: 'custom',
      message: say(
        `geen geldig rijksregisternummer: "${maskRrn(input)}" (gebruik JJ.MM.DD-VVV.CC of 11 cijfers; de controlecijfers moeten kloppen)`,
        `not a valid national register number: "${maskRrn(input)}" (use YY.MM.DD-SSS.CC or 11 digits; check digits must match)`,
      ),
    });
    return z.NEVER;
  }
  return d;
});
