/**
 * Checks before a rotation, override or swap is stored. Each returns null when fine, or one clear
 * sentence in Dutch and English (`say`) (several joined with "; ") naming the field or the conflicting entry.
 *  - Overrides of the same slot may not overlap (touching is fine: [start, end) is half-open).
 *  - Accepted swaps of the same slot and the same fromUserId may not overlap; requested, rejected
 *    and cancelled swaps are only checked for shape, since they change nothing.
 */
import type { z } from 'zod';
import type { Override, Rotation, Swap } from './model';
import { overrideSchema, rotationSchema, swapSchema } from './model';
import { isoAt } from './clock';
import { say } from '../say';

function problems(result: z.ZodSafeParseResult<unknown>): string | null {
  if (result.success) return null;
  return [...new Set(result.error.issues.map((i) => i.message))].join('; ');
}

const ms = (iso: string) => Date.parse(iso);
const show = (iso: string) => (Number.isNaN(ms(iso)) ? iso : isoAt(ms(iso)));

function overlap(
  kind: 'override' | 'swap',
  candidate: { id: string; start: string; end: string },
  others: { id: string; start: string; end: string }[],
): string | null {
  const s = ms(candidate.start);
  const e = ms(candidate.end);
  const hit = others.find((o) => o.id !== candidate.id && ms(o.start) < e && s < ms(o.end));
  if (!hit) return null;
  const from = show(hit.start);
  const to = show(hit.end);
  return kind === 'override'
    ? say(
        `overlapt met vervanging ${hit.id} van ${from} tot ${to}`,
        `overlaps override ${hit.id} from ${from} to ${to}`,
      )
    : say(`overlapt met ruil ${hit.id} van ${from} tot ${to}`, `overlaps swap ${hit.id} from ${from} to ${to}`);
}

/** @public */
export function validateRotation(candidate: Rotation): string | null {
  return problems(rotationSchema.safeParse(candidate));
}

/** @public */
export function validateOverride(existing: Override[], candidate: Override): string | null {
  const shape = problems(overrideSchema.safeParse(candidate));
  if (shape) return shape;
  return overlap(
    'override',
    candidate,
    existing.filter((o) => o.slot === candidate.slot),
  );
}

/** @public */
export function validateSwap(existing: Swap[], candidate: Swap): string | null {
  const shape = problems(swapSchema.safeParse(candidate));
  if (shape || candidate.status !== 'accepted') return shape;
  const rivals = existing.filter(
    (s) => s.status === 'accepted' && s.slot === candidate.slot && s.fromUserId === candidate.fromUserId,
  );
  return overlap('swap', candidate, rivals);
}
