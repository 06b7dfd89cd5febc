// What the signed-in user may do, as the server's policies say (/api/auth/me): the console shows an
// action or an area only when this allows it, and never decides access from a role itself.
import type { Ability } from '../../../shared/abilities';
import type { User } from '../api/types';
import { useSession } from './useSession';

export const userCan = (user: Pick<User, 'abilities'> | null | undefined, ability: Ability): boolean =>
  user?.abilities.includes(ability) ?? false;

export function useCan(): (ability: Ability) => boolean {
  const { state } = useSession();
  const user = state.status === 'signedIn' ? state.user : null;
  return (ability) => userCan(user, ability);
}
