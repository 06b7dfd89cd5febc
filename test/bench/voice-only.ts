// `npx tsx test/bench/voice-only.ts`: only the voice figures of `npm run bench` (DATABASE_URL adds PostgreSQL).
import { benchVoice } from './voice';

for (const [name, value, unit] of await benchVoice())
  console.log(`bench ${name} ${value?.toFixed(3) ?? 'n/a'} ${unit}`);
