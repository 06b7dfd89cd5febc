// Migrations are listed in code (not read from disk) so they run the same under tsx, vitest and a bundle.
import type { Migration } from 'kysely/migration';
import * as m001 from './001_foundation';
import * as m002 from './002_rota';
import * as m003 from './003_calls';
import * as m004 from './004_outbox';
import * as m005 from './005_holds';
import * as m006 from './006_socketio';
import * as m007 from './007_intake';
import * as m008 from './008_figures';
import * as m009 from './009_privacy';
import * as m011 from './011_belgium';
import * as m013 from './013_person_keys';
import * as m014 from './014_login_pairs';
import * as m015 from './015_housing';
import * as m016 from './016_referrer';
import * as m017 from './017_versions';
import * as m018 from './018_empty_override';
import * as m019 from './019_regions';
import * as m020 from './020_board_versions';
import * as m021 from './021_call_night_hour';
import * as m022 from './022_intake_region';
import * as m023 from './023_directory_region';
import * as m024 from './024_call_figures_region';
import * as m025 from './025_texts_region';
import * as m026 from './026_calls_started_index';
import * as m027 from './027_hold_region';
import * as m028 from './028_guarantee_nights_index';

export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_rota': m002,
  '003_calls': m003,
  '004_outbox': m004,
  '005_holds': m005,
  '006_socketio': m006,
  '007_intake': m007,
  '008_figures': m008,
  '009_privacy': m009,
  '011_belgium': m011,
  '013_person_keys': m013,
  '014_login_pairs': m014,
  '015_housing': m015,
  '016_referrer': m016,
  '017_versions': m017,
  '018_empty_override': m018,
  '019_regions': m019,
  '020_board_versions': m020,
  '021_call_night_hour': m021,
  '022_intake_region': m022,
  '023_directory_region': m023,
  '024_call_figures_region': m024,
  '025_texts_region': m025,
  '026_calls_started_index': m026,
  '027_hold_region': m027,
  '028_guarantee_nights_index': m028,
};
