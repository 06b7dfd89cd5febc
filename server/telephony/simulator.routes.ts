// The console's call simulator (demo only, without Twilio credentials): a newcomer "phones" the line
// and watches it reach the worker. It is the fake Twilio network the tests use, driving the real
// webhook routes of this instance with signed requests; nothing is stubbed on the server side.
import { simulateBody, simulatedAnswer, simulatorAnswer } from '../../shared/api/calls';
import { conflict } from '../http/errors';
import { defineRoute } from '../http/route';
import { FakeTwilio } from '../fake-twilio/index';
import { say } from '../../shared/rules/say';

/** @public */
export const simulatorRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/simulator',
    tag: 'calls',
    policy: 'simulator.use',
    summary: 'Whether the demo call simulator runs here (only without Twilio credentials), so the console can hide it',
    response: simulatorAnswer,
    handler: ({ services }) => ({ available: services.config.twilio.sandbox }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/simulator/calls',
    tag: 'calls',
    policy: 'simulator.use',
    body: simulateBody,
    response: simulatedAnswer,
    summary: 'Demo only: place a simulated call to the line and play it out (watch it in the console)',
    handler: async ({ body, user, services }) => {
      const { config, lastKnownRota, clock, localUrl } = services;
      // The simulated call goes to the permanence number of the region the console looks at (issue 15).
      const line =
        lastKnownRota.snapshot?.regions.find((r) => r.code === user?.region)?.number ??
        config.twilio.phoneNumber ??
        '+3214000000';
      if (!config.twilio.sandbox)
        throw conflict(
          say(
            'De oproepsimulator werkt alleen in de demo, zonder Twilio-gegevens.',
            'The call simulator only runs in the demo, without Twilio credentials.',
          ),
        );
      if (!localUrl) throw conflict(say('De server luistert nog niet.', 'The server is not listening yet.'));
      const fake = new FakeTwilio({
        baseUrl: localUrl,
        publicUrl: config.publicUrl.replace(/\/$/, ''),
        authToken: config.twilio.authTokens[0]!,
        accountSid: `AC${'0'.repeat(32)}`,
        phoneNumber: line,
      });
      const chain = lastKnownRota.plan(clock.now(), body.from, 'database', line)?.chain ?? [];
      chain.forEach((step, i) => {
        const phone = fake.phone(step.number);
        // A second and a half of ringing before each pick-up, so the console shows the call ringing.
        switch (body.steps[i] ?? 'no-answer') {
          case 'accepts':
            phone.answers({ press: '1', afterMs: 1500 });
            break;
          case 'silent':
            phone.answers({ press: null, afterMs: 1500 });
            break;
          case 'busy':
            phone.isBusy();
            break;
          case 'fails':
            phone.fails();
            break;
          default:
            phone.doesNotAnswer();
        }
      });
      const call = await fake.call({ from: body.from, voicemail: body.voicemail ? { durationSec: 20 } : null });
      return {
        sid: call.sid,
        dialled: call.dialled.map((d) => ({ number: d.number, outcome: d.outcome })),
        heard: call.heard('caller'),
      };
    },
  }),
];
