// The intake's one realtime event. Its own module, importing nothing of the intake, so that the flows
// that change an intake from elsewhere (the referrer's texts, a hold's release) tell the consoles through
// the owner without an import cycle back into the intake's commands.
import type { Services } from '../services';
import { rolesWith } from '../policies';

/**
 * An intake changed: the desks of its region (`intakes.region_code`) refetch, no other region's (issue 15).
 * @public
 */
export function announceIntake(services: Services, id: string, region: string) {
  services.realtime.publishToRegion(region, 'intakes:changed', { id }, rolesWith('intakes.list'));
}
