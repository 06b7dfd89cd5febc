// Every route of the desk, in one list: what is not here does not exist.
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { userRoutes } from './auth/users.routes';
import type { RouteSpec } from './http/route';
import { opsRoutes } from './ops/ops.routes';
import { regionRoutes } from './region/region.routes';
import { reportRoutes } from './reports/reports.routes';
import { rosterRoutes } from './roster/roster.routes';
import { capacityRoutes } from './capacity/capacity.routes';
import { placeRoutes } from './capacity/places.routes';
import { connectRoutes } from './telephony/voice/connect';
import { callRoutes } from './telephony/calls.routes';
import { directoryRoutes } from './telephony/directory.routes';
import { simulatorRoutes } from './telephony/simulator.routes';
import { smsRoutes } from './telephony/sms/sms.routes';
import { intakeRoutes } from './intake/intake.routes';
import { handoffRoutes } from './handoffs/handoffs.routes';
import { privacyRoutes } from './privacy/privacy.routes';
import { housingRoutes } from './housing/housing.routes';
import { referrerRoutes } from './referrer/referrer.routes';

export const apiRoutes: RouteSpec[] = [
  ...opsRoutes,
  ...authRoutes,
  ...userRoutes,
  ...regionRoutes,
  ...rosterRoutes,
  ...capacityRoutes,
  ...placeRoutes,
  ...connectRoutes,
  ...callRoutes,
  ...directoryRoutes,
  ...simulatorRoutes,
  ...smsRoutes,
  ...intakeRoutes,
  ...referrerRoutes,
  ...handoffRoutes,
  ...privacyRoutes,
  ...auditRoutes,
  ...reportRoutes,
  ...housingRoutes,
];
