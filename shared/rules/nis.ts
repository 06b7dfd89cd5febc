// A municipality's NIS code (5 digits, e.g. 13040 Turnhout): the one schema every request uses.
import { z } from 'zod';
import { say } from './say';

export const nisCode = z.string().regex(/^\d{5}$/, say('een NIS-code heeft 5 cijfers', 'a NIS code has 5 digits'));
