// The server of the soak test, in its own process so that its memory is measured alone. Real clock,
// a throw-away database (DATABASE_URL) or PGlite, SMS to the fake Twilio at TWILIO_API_URL.
// Prints "url <url>" once it listens; stops when stdin closes.
import { systemClock } from '../../server/clock';
import { startTestServer } from '../helpers/server';

if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const t = await startTestServer({
  clock: systemClock,
  outboxWorker: true,
  env: {
    TWILIO_ACCOUNT_SID: process.env.SOAK_SID!,
    TWILIO_AUTH_TOKEN: process.env.SOAK_TOKEN!,
    TWILIO_PHONE_NUMBER: '+3214000000',
    TWILIO_API_URL: process.env.SOAK_API!,
  },
});
process.stdout.write(`url ${t.url} ${t.config.publicUrl}\n`);
process.stdin.on('end', () => {
  void t.close().then(() => process.exit(0));
});
process.stdin.resume();
