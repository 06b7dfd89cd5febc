// Last stop for errors: deliberate HttpErrors keep their status; body-parser errors are the
// client's fault (4xx); anything else is our bug, logged (path without query string, error without
// its values: see safeError in logger.ts) and answered 500.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import { isDatabaseUnavailable } from '../db/unavailable';
import { HttpError } from './errors';
import { say } from '../../shared/rules/say';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

/** @public */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof HttpError) {
      if (typeof err.extra.retryAfterSeconds === 'number') res.set('Retry-After', String(err.extra.retryAfterSeconds));
      res.status(err.status).json({ error: err.message, ...err.extra });
      return;
    }
    const bp = err as BodyParserError;
    if (bp?.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ error: say('De inhoud van de aanvraag is geen geldige JSON.', 'Malformed JSON in the request body.') });
      return;
    }
    if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500) {
      res.status(bp.status).json({
        error:
          bp.type === 'entity.too.large'
            ? say('De aanvraag is te groot.', 'The request is too large.')
            : say('Ongeldige aanvraag.', 'Bad request.'),
      });
      return;
    }
    if (isDatabaseUnavailable(err)) {
      logger.error({ err, method: req.method, path: req.path }, 'database unavailable');
      res
        .status(503)
        .set('Retry-After', '5')
        .json({
          error: say(
            'De databank antwoordt nu niet (ze herstart misschien). Er is niets bewaard; probeer over enkele seconden opnieuw: wat je typte blijft staan.',
            'The database does not answer right now (it may be restarting). Nothing was saved; try again in a few seconds: what you typed is kept.',
          ),
        });
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
    res.status(500).json({ error: say('Interne fout; ze is gelogd.', 'Internal error; it has been logged.') });
  };
}
