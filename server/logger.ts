// pino, with secrets and personal fields redacted wherever they appear in a logged object.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    redact: {
      paths: ['password', '*.password', 'req.headers.cookie', 'req.headers.authorization',
        'req.headers["x-twilio-signature"]', 'res.headers["set-cookie"]', 'token', '*.token',
        'authToken', '*.authToken', 'authTokens', '*.authTokens', 'twilio.authTokens', '*.twilio.authTokens', 'rrn', '*.rrn', 'story', '*.story'],
      censor: '[redacted]',
    },
  }, destination);
}
