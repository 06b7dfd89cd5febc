// Migrations are listed in code (not read from disk) so they run the same under tsx, vitest and a bundle.
import type { Migration } from 'kysely/migration';
import * as m001 from './001_foundation';
import * as m002 from './002_rota';

export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_rota': m002,
};
