// Periods of the desk's nights (a night runs noon to noon, Brussels time), as the server counts them.
import { nightOf } from '../../../../shared/rules/night';
import { addDays } from '../../../../shared/rules/wall-clock';

export interface Range {
  from: string;
  to: string;
}

export const monthOf = (night: string) => night.slice(0, 7);
export const lastOfMonth = (month: string) => addDays(`${addDays(`${month}-01`, 31).slice(0, 7)}-01`, -1);
export function addMonths(month: string, k: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
export const monthRange = (month: string): Range => ({ from: `${month}-01`, to: lastOfMonth(month) });

export type Preset = 'thisMonth' | 'lastMonth' | 'last12' | 'thisYear' | 'lastYear';
export const PRESETS: readonly Preset[] = ['thisMonth', 'lastMonth', 'last12', 'thisYear', 'lastYear'];

export function presetRange(p: Preset, now = new Date()): Range {
  const tonight = nightOf(now);
  const month = monthOf(tonight);
  const year = Number(tonight.slice(0, 4));
  switch (p) {
    case 'thisMonth':
      return monthRange(month);
    case 'lastMonth':
      return monthRange(addMonths(month, -1));
    case 'last12':
      return { from: `${addMonths(month, -11)}-01`, to: lastOfMonth(month) };
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isDate = (s: string | null): s is string => !!s && DATE.test(s);
export const isMonth = (s: string | null): s is string => !!s && MONTH.test(s);
