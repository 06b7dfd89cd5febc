// The intake's one realtime event. Its own module, importing nothing of the intake, so that the flows
// that change an intake from elsewhere (the referrer's texts, a hold's release) tell the consoles through
// the owner without an import cycle back into the intake's commands.
import type { Services } from '../services';
import { rolesWith } from '../policies';

/** @public */
export function announceIntake(services: Services, id: string) {
  services.realtime.publish('intakes:changed', { id }, rolesWith('intakes.list'));
}
