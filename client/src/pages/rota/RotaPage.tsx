// The rota: gaps first (red), then the week or month, my own shifts, swaps, and for coordinators the
// rotations and overrides. Everything refetches on `rota:changed`, so every console follows.
import { useSession } from '../../session/useSession';
import { userCan } from '../../session/useCan';
import { useT } from '../../i18n/useT';
import { GapsAlert } from './GapsAlert';
import { MyShifts } from './MyShifts';
import { Overrides } from './Overrides';
import { RotaCalendar } from './RotaCalendar';
import { Rotations } from './Rotations';
import { Swaps } from './Swaps';
import './rota.css';

export function RotaPage() {
  const t = useT();
  const { state } = useSession();
  const user = state.status === 'signedIn' ? state.user : null;
  const lead = userCan(user, 'rota.change'); // leads change rotations and overrides and decide any swap
  return (
    <section className="rota">
      <h1>{t('nav.rota')}</h1>
      <GapsAlert />
      <RotaCalendar />
      {user && <MyShifts userId={user.id} />}
      {user && <Swaps userId={user.id} lead={lead} />}
      {lead && <Overrides />}
      {lead && <Rotations />}
    </section>
  );
}
