// A fake Twilio network: it calls the desk's /twilio/* webhooks over real HTTP, signed with the real
// algorithm, and plays out the TwiML like Twilio would (screening, busy, no answer, voicemail, ...).
// The tests use it as their Twilio, and the console's call simulator uses it in the demo (sandbox).
export { FakeTwilio, type FakeTwilioOptions, type SendSignedOptions } from './fake-twilio';
export { PhoneSetup, type AnswerOptions } from './phones';
export { sid, signature } from './signing';
export type { MessageRef, SmsOptions, SmsResult } from './sms';
export { messageReplies, parseTwiml, type TwimlNode } from './twiml';
export type * from './types';
