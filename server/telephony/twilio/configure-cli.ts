// npm run twilio:configure: see configure.ts and the README ("When the server is down").
import { loadConfig } from '../../config';
import { configureNumber } from './configure';

try {
  const result = await configureNumber(loadConfig());
  console.log(`Configured ${result.phoneNumberSid}:`);
  for (const [k, v] of Object.entries(result.applied)) console.log(`  ${k} = ${v}`);
} catch (err) {
  console.error(`twilio:configure failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
