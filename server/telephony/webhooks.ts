// Every Twilio webhook of the desk, in one list: what Twilio may call, and nothing else.
import type { TwilioRoute } from './twilio/webhook';
import { voiceRoutes } from './voice/voice.routes';
import { connectWebhooks } from './voice/connect';
import { smsWebhooks } from './sms/sms.routes';

export const twilioRoutes: TwilioRoute[] = [
  ...voiceRoutes,
  ...connectWebhooks,
  ...smsWebhooks,
];
