// Personal data are kept no longer than needed: after RETENTION_DAYS an intake keeps its counts and
// categories (household type, children, ETHOS situation, competent OCMW, referrer kind and organisation,
// birth year) and loses the person: name, birth date, sex, national register number, story, previous
// nights, needs, referrer's contact, the key that links earlier contacts, and the initials on the hold.
// Private callers' numbers (not in the directory of organisations), SMS texts and recordings go too.
// Every update is conditional, so instances may run this side by side; the figures stay exactly right.
import { audit } from '../audit/audit';
import { forgetHoldInitials } from '../capacity/retention';
import { pseudonymiseIntakes } from '../intake/retention';
import { repeat } from '../repeat';
import type { Services } from '../services';
import { pseudonymiseHousing } from '../housing/retention';
import { pseudonymiseLine } from '../telephony/retention';

/** One transaction composed of each owner's part: no table is written here but through its owner. */
export async function pseudonymiseExpired(
  services: Services,
): Promise<{ intakes: number; calls: number; sms: number }> {
  const { db, clock, config } = services;
  const now = clock.now();
  const before = new Date(now.getTime() - config.retentionDays * 86_400_000);
  return db.transaction().execute(async (trx) => {
    const intakes = await pseudonymiseIntakes(trx, before, now);
    await forgetHoldInitials(
      trx,
      intakes.map((i) => i.hold_id).filter((h): h is string => h !== null),
    );
    const line = await pseudonymiseLine(trx, before);
    await pseudonymiseHousing(trx, now, before);
    if (intakes.length) {
      await audit(trx, {
        at: now,
        userId: null,
        action: 'update',
        subjectType: 'retention',
        detail: { pseudonymised: intakes.length, before: before.toISOString() },
      });
    }
    return { intakes: intakes.length, ...line };
  });
}

/** @public */
export const startRetention = (services: Services, everyMs = 3_600_000) =>
  repeat(services, everyMs, 'retention', () => pseudonymiseExpired(services));
