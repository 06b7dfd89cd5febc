// Password spraying: one username failing from several addresses within LOGIN_SPRAY_WINDOW_MINUTES.
// The throttle never locks the username (that would hand attackers a way to lock a worker out), so
// instead a person is told: every coordinator's console (event `auth:spray`, banner from
// GET /api/auth/sprays) and the coordinator on call by SMS, once per username per clock hour.
import { loadRota } from '../roster/roster.queries';
import { leadsToAlert } from '../roster/notifications';
import type { Services } from '../services';
import { enqueueSms } from '../telephony/outbox/enqueue';
import { sprays, type Spray } from './throttle';
import { rolesWith } from '../policies';

export const SPRAY_EVENT = 'auth:spray';

export const sprayWindowStart = (services: Pick<Services, 'config'>, now: Date) =>
  new Date(now.getTime() - services.config.loginSprayWindowMinutes * 60_000);

export function currentSprays(services: Pick<Services, 'db' | 'config'>, now: Date): Promise<Spray[]> {
  return sprays(services.db, sprayWindowStart(services, now), services.config.loginSprayAddresses);
}

/** After a failed sign-in on an existing username: alert if it is now being sprayed. */
export async function alertIfSprayed(services: Services, username: string, now: Date): Promise<boolean> {
  const { db, config } = services;
  const [spray] = await sprays(db, sprayWindowStart(services, now), config.loginSprayAddresses, username);
  if (!spray) return false;
  services.realtime.publish(SPRAY_EVENT, spray, rolesWith('sprays.read'));
  // Every region's lead on call hears about it: an account is not a region's.
  const regions = await db.selectFrom('regions').select('code').orderBy('position').orderBy('code').execute();
  const [rotas, staff] = await Promise.all([
    Promise.all(regions.map((r) => loadRota(db, r.code))),
    db
      .selectFrom('users')
      .select(['id', 'phone', 'role'])
      .where('active', '=', true)
      .where('role', '!=', 'ocmw_staff')
      .execute(),
  ]);
  const hour = Math.floor(now.getTime() / 3_600_000);
  const body =
    `Permanentie: verdachte aanmeldpogingen op gebruikersnaam "${username}" vanaf ${spray.addresses} adressen ` +
    `(laatste ${config.loginSprayWindowMinutes} min). Het account is niet geblokkeerd; bekijk de console.`;
  const leads = new Map(rotas.flatMap((rota) => leadsToAlert(rota, staff, now)).map((l) => [l.id, l]));
  for (const lead of leads.values()) {
    await enqueueSms(db, now, {
      to: lead.phone!,
      body,
      kind: 'security',
      region: null, // a login is no region's: the alert is listed in every region
      dedupeKey: `spray:${username}:${hour}:${lead.id}`,
    });
  }
  return true;
}
