// The fake Twilio network (server/telephony/simulator: webhooks over HTTP, shared with the console's
// call simulator) and the REST API stand-in (msw, tests only). See README.md.
export * from '../../server/telephony/simulator/index';
export { twilioRest, type RestFailure, type SentMessage, type TwilioRest, type TwilioRestOptions } from './rest';
