// The areas of the console, their URLs and who may use them. Hidden areas are also unreachable by URL.
import type { ComponentType } from 'react';
import type { Role } from '../api/types';
import type { NavItem } from '../components/NavBar';
import { BoardPage } from '../pages/board/BoardPage';
import { CallsPage } from '../pages/calls/CallsPage';
import { FiguresPage } from '../pages/figures/FiguresPage';
import { HandoffsPage } from '../pages/handoffs/HandoffsPage';
import { IntakePage } from '../pages/intake/IntakePage';
import { RotaPage } from '../pages/rota/RotaPage';
import { NightSheetPage } from '../pages/nightsheet/NightSheetPage';
import { HousingPage } from '../pages/housing/HousingPage';

export interface Area extends NavItem {
  roles: readonly Role[];
  Page: ComponentType;
  /** Reachable by URL and links, not listed in the navigation (the night sheet). */
  unlisted?: boolean;
}

const ALL: readonly Role[] = ['duty_worker', 'coordinator', 'ocmw_staff', 'admin'];
const DESK: readonly Role[] = ['duty_worker', 'coordinator', 'admin'];
// Personal records: the desk's workers and (their own handoffs) the OCMW; admins manage accounts only.
const CASEWORK: readonly Role[] = ['duty_worker', 'coordinator'];
const HANDOFFS: readonly Role[] = ['duty_worker', 'coordinator', 'ocmw_staff'];
const FIGURES: readonly Role[] = ['coordinator', 'admin', 'ocmw_staff'];
// The wooncel: the pool and the published rules are for everyone involved; casework per role inside the page.
const HOUSING: readonly Role[] = ['coordinator', 'ocmw_staff', 'allocator', 'admin'];

export const AREAS: readonly Area[] = [
  { path: '/bord', icon: 'board', label: 'nav.board', short: 'nav.board.short', roles: ALL, Page: BoardPage },
  { path: '/oproepen', icon: 'calls', label: 'nav.calls', short: 'nav.calls.short', roles: DESK, Page: CallsPage },
  {
    path: '/aanmelding',
    icon: 'intake',
    label: 'nav.intake',
    short: 'nav.intake.short',
    roles: CASEWORK,
    Page: IntakePage,
  },
  {
    path: '/overdrachten',
    icon: 'handoffs',
    label: 'nav.handoffs',
    short: 'nav.handoffs.short',
    roles: HANDOFFS,
    Page: HandoffsPage,
  },
  { path: '/rooster', icon: 'rota', label: 'nav.rota', short: 'nav.rota.short', roles: DESK, Page: RotaPage },
  {
    path: '/nachtblad',
    icon: 'rota',
    label: 'nav.sheet',
    short: 'nav.sheet.short',
    roles: DESK,
    Page: NightSheetPage,
    unlisted: true,
  },
  {
    path: '/wonen',
    icon: 'housing',
    label: 'nav.housing',
    short: 'nav.housing.short',
    roles: HOUSING,
    Page: HousingPage,
  },
  {
    path: '/kerncijfers',
    icon: 'figures',
    label: 'nav.figures',
    short: 'nav.figures.short',
    roles: FIGURES,
    Page: FiguresPage,
  },
];

export const HOME = '/bord';

/** Where a role lands: OCMW staff on their queue of handoffs (their work), everyone else on the board. */
export function homeFor(role: Role): string {
  if (role === 'allocator') return '/wonen';
  return role === 'ocmw_staff' ? '/overdrachten' : HOME;
}

export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => a.roles.includes(role));
}
