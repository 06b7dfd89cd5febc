import { describe, expect, it } from 'vitest';
import { referrerStatusText, referrerText } from './referrer-sms';

const until = new Date('2026-12-24T23:40:00Z'); // 00:40 in Brussels
const desk = '+3214000000';

describe('texts to the referrer', () => {
  it('names the reference, the place and its address, until when, and the desk, in Dutch', () => {
    expect(
      referrerText({
        lang: 'nl',
        event: 'held',
        reference: 'K-2412-07',
        deskNumber: desk,
        until,
        place: {
          name: 'Noodkamer CAW',
          address: 'Grote Markt 1, 2300 Turnhout',
          meetingPoint: null,
          phone: '+3214123456',
        },
      }),
    ).toBe(
      'Noodopvang K-2412-07: plaats vastgehouden tot 00:40. Waar: Noodkamer CAW, Grote Markt 1, 2300 Turnhout. Permanentie: 014 00 00 00. Sms K-2412-07 naar dit nummer voor de stand.',
    );
  });

  it('gives only the meeting point and a phone number for a confidential address, in French', () => {
    const text = referrerText({
      lang: 'fr',
      event: 'held',
      reference: 'K-2412-07',
      deskNumber: desk,
      until,
      place: { name: 'Vluchthuis', address: null, meetingPoint: 'politiekantoor Turnhout', phone: '+3214123456' },
    });
    expect(text).toBe(
      "Accueil d'urgence K-2412-07 : place réservée jusqu'à 00:40. Où : lieu de rendez-vous politiekantoor Turnhout (adresse confidentielle), appelez d'abord le 014 12 34 56. Permanence : 014 00 00 00. Envoyez K-2412-07 par sms à ce numéro pour le suivi.",
    );
    expect(text).not.toContain('Vluchthuis'); // not even the refuge's name
  });

  it('says a change once: another place, released, arrived', () => {
    expect(
      referrerText({
        lang: 'nl',
        event: 'moved',
        reference: 'K-2412-07',
        deskNumber: desk,
        until,
        place: { name: 'Hotel X', address: 'Markt 2, Geel', meetingPoint: null, phone: null },
      }),
    ).toMatch(
      /^Noodopvang K-2412-07: gewijzigd, andere plaats vastgehouden tot 00:40\. Waar: Hotel X, Markt 2, Geel\./,
    );
    expect(referrerText({ lang: 'nl', event: 'released', reference: 'K-2412-07', deskNumber: desk })).toBe(
      'Noodopvang K-2412-07: de vastgehouden plaats is vrijgegeven. Bel de permanentie: 014 00 00 00.',
    );
    expect(referrerText({ lang: 'fr', event: 'arrived', reference: 'K-2412-07', deskNumber: desk })).toBe(
      "Accueil d'urgence K-2412-07 : arrivée confirmée. Merci. Permanence : 014 00 00 00.",
    );
  });

  it('answers a follow-up with the state only', () => {
    expect(referrerStatusText('nl', 'K-2412-07', 'held', desk, until)).toBe(
      'Noodopvang K-2412-07: plaats vastgehouden tot 00:40. Permanentie: 014 00 00 00.',
    );
    expect(referrerStatusText('fr', 'K-2412-07', 'released', desk)).toBe(
      "Accueil d'urgence K-2412-07 : place libérée. Appelez la permanence : 014 00 00 00.",
    );
  });
});
