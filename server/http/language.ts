// The one place sentences meant for people are put in the reader's language. Rules and routes write
// `say(nl, en)` pairs; every error answer (status >= 400) resolves them for the request's
// Accept-Language: the console always sends its own language; a client that states none gets English.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { resolveSpeech, say, type SpeechLang } from '../../shared/rules/say';

/** Dutch when the reader prefers it; English for no header, "*" (what fetch sends) or anything else. */
export function requestLanguage(req: Request): SpeechLang {
  return req.acceptsLanguages('en', 'nl') === 'nl' ? 'nl' : 'en';
}

/** @public */
export function speakTheReadersLanguage(req: Request, res: Response, next: NextFunction): void {
  const lang = requestLanguage(req);
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    if (res.statusCode < 400) return json(body);
    res.set('Content-Language', lang === 'nl' ? 'nl-BE' : 'en');
    res.vary('Accept-Language');
    return json(resolveSpeech(body, lang));
  };
  next();
}

const nlErrors = z.locales.nl().localeError;
const enErrors = z.locales.en().localeError;
type ZodErrorMap = typeof nlErrors;
const text = (r: ReturnType<ZodErrorMap>) => (typeof r === 'string' ? r : (r?.message ?? ''));

/** zod's own messages ("expected string") in both languages, for parses whose errors reach people. */
export const bilingualZodErrors: ZodErrorMap = (issue) => say(text(nlErrors(issue)), text(enErrors(issue)));
