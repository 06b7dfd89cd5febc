// Sign-in, the session's user, spray alerts, staff accounts.
import { z } from 'zod';
import { say } from '../rules/say';
import { ABILITIES } from '../abilities';
import { nisCode } from '../rules/nis';
import { phoneSchema } from '../rules/phone';
import { idAnswer, roleSchema } from './common';

/** @public */
export const loginBody = z.strictObject({
  username: z.string().trim().min(1, say('vul je gebruikersnaam in', 'username is required')).max(100),
  password: z.string().min(1, say('vul je wachtwoord in', 'password is required')).max(1000),
});

/** @public */
export const authUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** NIS codes of the municipalities an OCMW staff member works for; empty for other roles. */
  municipalities: z.array(z.string()),
  /** The regions the user works in and the one the console looks at (issue 15). */
  regions: z.array(z.string()),
  region: z.string().nullable(),
});
/** @public */
export type User = z.output<typeof authUserSchema>;

/** @public */
export const userAnswer = z.object({ user: authUserSchema });
/** @public */
export const regionSwitchBody = z.strictObject({
  region: z.string().regex(/^[a-z0-9-]+$/, say('geen regiocode', 'not a region code')),
});
/**
 * `/api/auth/me`: the user, the abilities their role holds (what the console shows), the municipalities they reach (null: all).
 * @public
 */
export const meAnswer = z.object({
  user: authUserSchema,
  abilities: z.array(z.enum(ABILITIES)),
  scope: z.array(z.string()).nullable(),
});

/** @public */
export const spraysAnswer = z.object({
  sprays: z.array(z.object({ username: z.string(), addresses: z.number(), lastFailureAt: z.string() })),
  windowMinutes: z.number(),
});
/** @public */
export type Spray = z.output<typeof spraysAnswer>['sprays'][number];

/** @public */
export const newUserSchema = z
  .strictObject({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9][a-z0-9._-]{1,49}$/,
        say(
          'gebruikersnaam: 2-50 tekens, letters, cijfers, punt, streepje of liggend streepje',
          'username: 2-50 characters, letters, digits, dot, dash or underscore',
        ),
      ),
    displayName: z.string().trim().min(1).max(100),
    role: roleSchema,
    password: z
      .string()
      .min(10, say('een wachtwoord heeft minstens 10 tekens', 'password must be at least 10 characters'))
      .max(200),
    phone: phoneSchema.optional(),
    municipalities: z.array(nisCode).default([]),
    /** The regions the user works in (issue 15; default: the admin's region, or the first). Not for OCMW staff. */
    regions: z
      .array(z.string().regex(/^[a-z0-9-]+$/, say('geen regiocode', 'not a region code')))
      .min(1)
      .optional(),
  })
  .refine((u) => u.role !== 'ocmw_staff' || u.municipalities.length > 0, {
    path: ['municipalities'],
    message: say(
      'OCMW-medewerkers horen bij minstens één gemeente',
      'OCMW staff must be scoped to at least one municipality',
    ),
  });

// A changed password, role or a disabled account ends every session of that user.
/** @public */
export const userChangeBody = z
  .strictObject({
    role: roleSchema.optional(),
    password: newUserSchema.shape.password.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => b.role !== undefined || b.password !== undefined || b.active !== undefined, {
    message: say('niets te wijzigen', 'nothing to change'),
  });

/** @public */
export const usersAnswer = z.object({
  users: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      role: roleSchema,
      phone: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
});

/** @public */
export const userCreatedAnswer = idAnswer;
