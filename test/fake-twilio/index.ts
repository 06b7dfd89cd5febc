// The fake Twilio network (server/fake-twilio: webhooks over HTTP, shared with the console's
// call simulator) and the REST API stand-in (msw, tests only). See README.md.
export * from '../../server/fake-twilio/index';
export { twilioRest, type RestFailure, type SentMessage, type TwilioRest, type TwilioRestOptions } from './rest';
