// A municipality's NIS code (5 digits, e.g. 13040 Turnhout): the one schema every request uses.
import { z } from 'zod';
import { say } from './say';

/** @public */
export const nisCode = z.string().regex(/^\d{5}$/, say('een NIS-code heeft 5 cijfers', 'a NIS code has 5 digits'));

/**
 * Where a municipality is named in competence facts: its NIS code, or its name as typed (Dutch,
 * French or German). The server turns a name into its code, or answers 400 with the closest names.
 * @public
 */
export const municipalityRef = z
  .string()
  .trim()
  .max(80)
  .regex(
    /^(\d{5}|\D*\p{L}\D*)$/u,
    say('een NIS-code (5 cijfers) of de naam van een gemeente', "a NIS code (5 digits) or a municipality's name"),
  );
