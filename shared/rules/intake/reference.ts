/**
 * The reference of an intake, short enough to read out on the phone: `K-2412-07` is the region's
 * letter, the day and month of the desk's night (noon to noon, Brussels time: a call at 01:30 on
 * 25 December belongs to the night of 24 December, whatever the clock change), and the number of the
 * intake within that night. The stored night keeps the year, so (night, reference) is unique; the
 * printed reference repeats after a year, which is why lookups by reference only look at recent cases.
 */
import { nightOf } from '../night';
import type { Instant } from '../wall-clock';

/** @public */
export interface ReferenceParts {
  letter: string;
  night: string;
  no: number;
}

/**
 * The letter of a region: its configured `reference.letter`, else the first letter of its name.
 * @public
 */
export function regionLetter(name: string, configured?: string | null): string {
  const letter = (configured ?? name)
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 1)
    .toUpperCase();
  return letter || 'X';
}

/** @public */
export function referenceNight(at: Instant): string {
  return nightOf(at);
}

/** @public */
export function formatReference(p: ReferenceParts): string {
  const [, mm, dd] = p.night.split('-');
  return `${p.letter}-${dd}${mm}-${String(p.no).padStart(2, '0')}`;
}

/**
 * A reference as a person types or texts it: "K-2412-07", "k 2412 7", "K241207", "ref K-2412-07".
 * Returns the canonical form, or null when the text holds none.
 * @public
 */
export function parseReference(text: string): string | null {
  const m = /(?:^|[^A-Za-z0-9])([A-Za-z])[\s\-./]*(\d{2})(\d{2})[\s\-./]*(\d{1,3})(?![0-9])/.exec(` ${text.trim()}`);
  if (!m) return null;
  const [, letter, dd, mm, no] = m;
  if (Number(dd) < 1 || Number(dd) > 31 || Number(mm) < 1 || Number(mm) > 12 || Number(no) < 1) return null;
  return `${letter!.toUpperCase()}-${dd}${mm}-${no!.padStart(2, '0')}`;
}
