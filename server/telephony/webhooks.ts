// Every Twilio webhook of the desk, in one list: what Twilio may call, and nothing else.
import type { TwilioRoute } from './twilio/webhook';
import { voiceRoutes } from './voice/voice.routes';

export const twilioRoutes: TwilioRoute[] = [
  ...voiceRoutes,
];
