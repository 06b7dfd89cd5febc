/**
 * The texts the referrer (police patrol, emergency department) gets about a case, in Dutch or French.
 * Every one starts with the case's reference. Where to bring the person: the place's name and
 * address, or for a confidential address (a women's refuge) only the meeting point and a phone
 * number; the address itself is never an input here, so it cannot leak into a text.
 */
import { DateTime } from 'luxon';
import { formatPhone } from './phone';
import { ZONE } from './wall-clock';

/** @public */
export type ReferrerEvent = 'held' | 'moved' | 'released' | 'arrived';
/** @public */
export type ReferrerLanguage = 'nl' | 'fr';

/**
 * A place as a referrer may learn it: `address` is null for a confidential one.
 * @public
 */
export interface PlaceForReferrer {
  name: string;
  address: string | null;
  meetingPoint: string | null;
  phone: string | null;
}

/** @public */
export interface ReferrerText {
  lang: ReferrerLanguage;
  event: ReferrerEvent;
  reference: string;
  deskNumber: string;
  place?: PlaceForReferrer;
  until?: Date;
}

const time = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat('HH:mm');

function where(p: PlaceForReferrer, lang: ReferrerLanguage, desk: string): string {
  const phone = p.phone ? formatPhone(p.phone) : desk;
  if (p.address) return `${p.name}, ${p.address}`;
  if (p.meetingPoint) {
    return lang === 'fr'
      ? `lieu de rendez-vous ${p.meetingPoint} (adresse confidentielle), appelez d'abord le ${phone}`
      : `afspraakplaats ${p.meetingPoint} (adres vertrouwelijk), bel eerst ${phone}`;
  }
  return lang === 'fr'
    ? `adresse confidentielle, appelez le ${phone} pour le lieu de rendez-vous`
    : `adres vertrouwelijk, bel ${phone} voor de afspraakplaats`;
}

/** @public */
export function referrerText(m: ReferrerText): string {
  const desk = formatPhone(m.deskNumber);
  const nl = m.lang !== 'fr';
  switch (m.event) {
    case 'held':
    case 'moved': {
      const moved = m.event === 'moved';
      return nl
        ? `Noodopvang ${m.reference}: ${moved ? 'gewijzigd, andere ' : ''}plaats vastgehouden tot ${time(m.until!)}. Waar: ${where(m.place!, 'nl', desk)}. Permanentie: ${desk}. Sms ${m.reference} naar dit nummer voor de stand.`
        : `Accueil d'urgence ${m.reference} : ${moved ? 'modifié, autre ' : ''}place réservée jusqu'à ${time(m.until!)}. Où : ${where(m.place!, 'fr', desk)}. Permanence : ${desk}. Envoyez ${m.reference} par sms à ce numéro pour le suivi.`;
    }
    case 'released':
      return nl
        ? `Noodopvang ${m.reference}: de vastgehouden plaats is vrijgegeven. Bel de permanentie: ${desk}.`
        : `Accueil d'urgence ${m.reference} : la place réservée est libérée. Appelez la permanence : ${desk}.`;
    case 'arrived':
      return nl
        ? `Noodopvang ${m.reference}: aankomst bevestigd. Dank u. Permanentie: ${desk}.`
        : `Accueil d'urgence ${m.reference} : arrivée confirmée. Merci. Permanence : ${desk}.`;
  }
}

/**
 * The status a referrer gets back when texting the reference: no personal data, only the case's state.
 * @public
 */
export function referrerStatusText(
  lang: ReferrerLanguage,
  reference: string,
  state: 'open' | 'held' | 'placed' | 'released' | 'closed',
  desk: string,
  until?: Date,
): string {
  const d = formatPhone(desk);
  const nl: Record<typeof state, string> = {
    open: `Noodopvang ${reference}: nog geen plaats vastgehouden. Permanentie: ${d}.`,
    held: `Noodopvang ${reference}: plaats vastgehouden${until ? ` tot ${time(until)}` : ''}. Permanentie: ${d}.`,
    placed: `Noodopvang ${reference}: aangekomen. Permanentie: ${d}.`,
    released: `Noodopvang ${reference}: plaats vrijgegeven. Bel de permanentie: ${d}.`,
    closed: `Noodopvang ${reference}: afgesloten. Permanentie: ${d}.`,
  };
  const fr: Record<typeof state, string> = {
    open: `Accueil d'urgence ${reference} : pas encore de place réservée. Permanence : ${d}.`,
    held: `Accueil d'urgence ${reference} : place réservée${until ? ` jusqu'à ${time(until)}` : ''}. Permanence : ${d}.`,
    placed: `Accueil d'urgence ${reference} : arrivée confirmée. Permanence : ${d}.`,
    released: `Accueil d'urgence ${reference} : place libérée. Appelez la permanence : ${d}.`,
    closed: `Accueil d'urgence ${reference} : dossier clôturé. Permanence : ${d}.`,
  };
  return (lang === 'fr' ? fr : nl)[state];
}
