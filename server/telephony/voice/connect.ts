// "Call to confirm": the desk rings the worker's phone first, then puts them through to the hotel
// with the desk's number as caller ID, so the worker's private number stays hidden.
import twilio from 'twilio';
import type { AuthUser } from '../../auth/session';
import { conflict, notFound } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { callThroughAnswer, placeIdParams } from '../../../shared/api/board';
import { connectParams, connectQuery } from '../../../shared/api/twilio';
import type { Services } from '../../services';
import { twilioRequest } from '../twilio/rest';
import { defineTwilioRoute } from '../twilio/webhook';
import { say } from '../../../shared/rules/say';

async function callThroughDesk(services: Services, user: AuthUser, placeId: string) {
  const { db, config } = services;
  const place = await db
    .selectFrom('places')
    .select(['id', 'name', 'phone'])
    .where('id', '=', placeId)
    .executeTakeFirst();
  if (!place) throw notFound(say('Deze plaats bestaat niet.', 'No such place.'));
  if (!place.phone)
    throw conflict(
      say(
        `${place.name} heeft geen telefoonnummer; voeg er eerst een toe.`,
        `${place.name} has no phone number; add one first.`,
      ),
    );
  const me = await db.selectFrom('users').select('phone').where('id', '=', user.id).executeTakeFirst();
  if (!me?.phone)
    throw conflict(
      say(
        'Je account heeft geen telefoonnummer waarop de permanentie je kan bellen.',
        'Your account has no phone number for the desk to ring you on.',
      ),
    );
  if (config.twilio.sandbox || !config.twilio.phoneNumber) {
    throw conflict(
      say(
        'De permanentie heeft geen Twilio-nummer (demo): bel de plaats zelf.',
        'The desk has no Twilio number configured (demo): ring the place yourself.',
      ),
      { reason: 'sandbox' },
    );
  }
  const site = config.publicUrl.replace(/\/$/, '');
  const call = await twilioRequest(config.twilio, '/Calls.json', {
    To: me.phone,
    From: config.twilio.phoneNumber,
    Url: `${site}/twilio/voice/connect?place=${place.id}`,
    Method: 'POST',
  });
  return { callSid: String(call.sid), ringing: me.phone };
}

/** @public */
export const connectRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/places/:id/call',
    tag: 'board',
    policy: 'calls.handle',
    params: placeIdParams,
    response: callThroughAnswer,
    summary: "Ring my phone, then put me through to the place with the desk's number shown",
    handler: ({ params, user, services }) => callThroughDesk(services, user!, params.id),
  }),
];

/** @public */
export const connectWebhooks = [
  defineTwilioRoute({
    path: '/twilio/voice/connect',
    summary: "The worker answered the desk's call: dial the place",
    params: connectParams,
    query: connectQuery,
    answer: 'twiml',
    handler: async ({ query, services }) => {
      const place = await services.db
        .selectFrom('places')
        .select(['name', 'phone'])
        .where('id', '=', query.place)
        .executeTakeFirst();
      const r = new twilio.twiml.VoiceResponse();
      if (!place?.phone) {
        r.say({ language: 'nl-BE' }, 'Deze plaats heeft geen telefoonnummer.');
        return r.toString();
      }
      r.say({ language: 'nl-BE' }, `Verbinden met ${place.name}.`);
      r.dial({ callerId: services.config.twilio.phoneNumber ?? undefined, timeout: 30 }, place.phone);
      return r.toString();
    },
  }),
];
