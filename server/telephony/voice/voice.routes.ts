// The permanence line's voice webhooks. The flow: /voice greets and dials step 0 with screening
// (/screen → /screened); Twilio reports each step at /dialled, which dials the next step or, after
// the last, records a voicemail (/recorded) and raises the alarm; /status closes the call.
import {
  callSid,
  dialledParams,
  recordedParams,
  screenedParams,
  screenParams,
  stepQuery,
  voiceParams,
  voiceStatusParams,
} from '../../../shared/api/twilio';
import { defineTwilioRoute } from '../twilio/webhook';
import { raiseAlarm } from './alarms';
import { findCall, legAccepted, legPickedUp, recordingReceived, stepEnded } from './calls.store';
import { afterCallLogged, answerIncoming, rememberedChain, safely } from './incoming';
import { applyCallStatus } from './status';
import * as twiml from './twiml';
import { callBackWhisper } from '../../referrer/callback';

/** @public */
export const voiceRoutes = [
  defineTwilioRoute({
    path: '/twilio/voice',
    summary: 'Voice URL of the permanence number: greet, then ring the chain',
    params: voiceParams,
    answer: 'twiml',
    handler: ({ params, services }) =>
      answerIncoming(services, params.CallSid ?? null, params.From ?? null, params.To ?? null),
    // A number Twilio should never send still rings the rota; the call is logged when its Sid is sound.
    onInvalid: (services, raw) => answerIncoming(services, callSid.safeParse(raw.CallSid).data ?? null, null, null),
  }),
  defineTwilioRoute({
    path: '/twilio/voice/screen',
    summary: 'The worker picked up: tell who calls, wait for 1',
    params: screenParams,
    answer: 'twiml',
    query: stepQuery,
    handler: async ({ params, query, services }) => {
      await afterCallLogged(params.ParentCallSid);
      const call = params.ParentCallSid
        ? await safely(services, () => findCall(services.db, params.ParentCallSid!))
        : null;
      if (call) await safely(services, () => legPickedUp(services, call, query.step, params.CallSid ?? null));
      // A call-back about an open case is announced with the case; any doubt: who calls, as before.
      const about = call?.callbackIntakeId
        ? await safely(services, () =>
            callBackWhisper(services.db, call.callbackIntakeId!, query.caller ?? call.callerName),
          )
        : null;
      return twiml.screening(services.config.twilio, query.step, about ?? query.caller ?? null);
    },
  }),
  defineTwilioRoute({
    path: '/twilio/voice/screened',
    summary: 'The worker pressed a key (or not): 1 accepts the call',
    params: screenedParams,
    answer: 'twiml',
    query: stepQuery,
    handler: async ({ params, query, services }) => {
      if (params.Digits !== '1') return twiml.hangup();
      acceptedInMemory.add(`${params.ParentCallSid}:${query.step}`);
      if (acceptedInMemory.size > 1000) acceptedInMemory.delete(acceptedInMemory.values().next().value!); // recent calls only
      await afterCallLogged(params.ParentCallSid);
      const call = params.ParentCallSid
        ? await safely(services, () => findCall(services.db, params.ParentCallSid!))
        : null;
      if (call) await safely(services, () => legAccepted(services, call, query.step));
      return twiml.accepted(services.config.twilio);
    },
  }),
  defineTwilioRoute({
    path: '/twilio/voice/dialled',
    summary: 'A step of the chain ended: done, next step, or voicemail',
    params: dialledParams,
    answer: 'twiml',
    query: stepQuery,
    handler: async ({ params, query, services }) => {
      const wasAccepted = acceptedInMemory.has(`${params.CallSid}:${query.step}`);
      await afterCallLogged(params.CallSid);
      const call = await safely(services, () => findCall(services.db, params.CallSid));
      if (!call)
        return wasAccepted
          ? twiml.hangup()
          : twiml.nextStep(services.config.twilio, rememberedChain(params.CallSid), query.step + 1, null);
      const accepted =
        (await safely(services, () => stepEnded(services, call, query.step, params.DialCallStatus))) || wasAccepted;
      if (accepted) return twiml.hangup();
      if (!call.chain[query.step + 1]) await safely(services, () => raiseAlarm(services, call, 'voicemail'));
      return twiml.nextStep(services.config.twilio, call.chain, query.step + 1, call.callerName);
    },
  }),
  defineTwilioRoute({
    path: '/twilio/voice/recorded',
    summary: 'The caller left a message',
    params: recordedParams,
    answer: 'twiml',
    handler: async ({ params, services }) => {
      await afterCallLogged(params.CallSid);
      const call = await safely(services, () => findCall(services.db, params.CallSid));
      if (call) {
        await safely(services, () =>
          recordingReceived(services, call, params.RecordingUrl, params.RecordingDuration ?? null),
        );
        await safely(services, () => raiseAlarm(services, call, 'voicemail')); // already raised unless nobody was on the rota
      }
      return twiml.thanksAfterMessage(services.config.twilio);
    },
  }),
  defineTwilioRoute({
    path: '/twilio/voice/status',
    summary: 'Call status callback, applied in SequenceNumber order',
    params: voiceStatusParams,
    answer: 'none',
    handler: async ({ params, services }) => {
      await afterCallLogged(params.CallSid);
      await applyCallStatus(
        services,
        params.CallSid,
        params.CallStatus,
        params.SequenceNumber ?? null,
        params.CallDuration ?? null,
      );
      return null;
    },
  }),
];

// Steps accepted by this process: the answer survives a database that stops answering mid-call.
const acceptedInMemory = new Set<string>();
