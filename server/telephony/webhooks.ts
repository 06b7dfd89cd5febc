// Every Twilio webhook of the desk, in one list: what Twilio may call, and nothing else.
import type { TwilioRoute } from './twilio/webhook';
import { voiceRoutes } from './voice/voice.routes';
import { connectWebhooks } from './voice/connect';
import { smsWebhooks } from './sms/sms.routes';

/** Resolves once the call log a call's webhooks started is written: the HTTP adapter and the replay wait on it. */
export { afterCallLogged as webhookWritesSettled } from './voice/incoming';

/** @public */
export const twilioRoutes: TwilioRoute[] = [...voiceRoutes, ...connectWebhooks, ...smsWebhooks];
