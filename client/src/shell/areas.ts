// The areas of the console, their URLs and the abilities they need (any one of them), as the server's
// policies give them in /api/auth/me. Hidden areas are also unreachable by URL.
import type { ComponentType } from 'react';
import type { Ability } from '../../../shared/abilities';
import type { User } from '../api/types';
import type { NavItem } from '../components/NavBar';
import { BoardPage } from '../pages/board/BoardPage';
import { CallsPage } from '../pages/calls/CallsPage';
import { FiguresPage } from '../pages/figures/FiguresPage';
import { HandoffsPage } from '../pages/handoffs/HandoffsPage';
import { IntakePage } from '../pages/intake/IntakePage';
import { RotaPage } from '../pages/rota/RotaPage';
import { NightSheetPage } from '../pages/nightsheet/NightSheetPage';
import { HousingPage } from '../pages/housing/HousingPage';
import { userCan } from '../session/useCan';

export interface Area extends NavItem {
  /** Shown to a user holding any of these. */
  needs: readonly Ability[];
  Page: ComponentType;
  /** Reachable by URL and links, not listed in the navigation (the night sheet). */
  unlisted?: boolean;
}

// The board: the night's places for the desk; the OCMW sees the region's solidarity table on it.
const BOARD: readonly Ability[] = ['places.read', 'handoffs.read'];
// The wooncel: for whoever has housing work beyond reading the pool (the duty worker has none).
const HOUSING: readonly Ability[] = ['housing.cases.read', 'housing.contingent.read', 'figures.housing'];

export const AREAS: readonly Area[] = [
  { path: '/bord', icon: 'board', label: 'nav.board', short: 'nav.board.short', needs: BOARD, Page: BoardPage },
  {
    path: '/oproepen',
    icon: 'calls',
    label: 'nav.calls',
    short: 'nav.calls.short',
    needs: ['calls.read'],
    Page: CallsPage,
  },
  {
    path: '/aanmelding',
    icon: 'intake',
    label: 'nav.intake',
    short: 'nav.intake.short',
    needs: ['intakes.list'],
    Page: IntakePage,
  },
  {
    path: '/overdrachten',
    icon: 'handoffs',
    label: 'nav.handoffs',
    short: 'nav.handoffs.short',
    needs: ['handoffs.read'],
    Page: HandoffsPage,
  },
  { path: '/rooster', icon: 'rota', label: 'nav.rota', short: 'nav.rota.short', needs: ['rota.read'], Page: RotaPage },
  {
    path: '/nachtblad',
    icon: 'rota',
    label: 'nav.sheet',
    short: 'nav.sheet.short',
    needs: ['nightSheet.read'],
    Page: NightSheetPage,
    unlisted: true,
  },
  {
    path: '/wonen',
    icon: 'housing',
    label: 'nav.housing',
    short: 'nav.housing.short',
    needs: HOUSING,
    Page: HousingPage,
  },
  {
    path: '/kerncijfers',
    icon: 'figures',
    label: 'nav.figures',
    short: 'nav.figures.short',
    needs: ['figures.read'],
    Page: FiguresPage,
  },
];

export const HOME = '/bord';

/**
 * Where a user lands: on the board who works the night's places, else on the OCMW's queue of handoffs
 * (their work), else on the first area they have (the allocator: the wooncel).
 */
export function homeFor(user: Pick<User, 'abilities'>): string {
  if (userCan(user, 'places.read')) return HOME;
  if (userCan(user, 'handoffs.read')) return '/overdrachten';
  return areasFor(user).find((a) => !a.unlisted)?.path ?? HOME;
}

export function areasFor(user: Pick<User, 'abilities'>): Area[] {
  return AREAS.filter((a) => a.needs.some((ability) => userCan(user, ability)));
}
