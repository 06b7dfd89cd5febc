// npm run user:add -- --username jan.peeters --name "Jan Peeters" --role duty_worker --phone "0470 12 34 56"
//   [--municipality 13040 ...]; the password is read from PERMANENTIE_PASSWORD or asked for on the terminal.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/index';
import { seedRegionIfEmpty } from '../seed/demo';
import { createUser, newUserSchema } from './users';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    phone: { type: 'string' },
    municipality: { type: 'string', multiple: true },
  },
});

async function readPassword(): Promise<string> {
  if (process.env.PERMANENTIE_PASSWORD) return process.env.PERMANENTIE_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set PERMANENTIE_PASSWORD or run this in a terminal.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const input = newUserSchema.safeParse({
    username: values.username,
    displayName: values.name ?? values.username,
    role: values.role,
    phone: values.phone,
    municipalities: values.municipality ?? [],
    password: await readPassword(),
  });
  if (!input.success) {
    for (const i of input.error.issues) console.error(`${i.path.join('.') || 'input'}: ${i.message}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await seedRegionIfEmpty(database.db, config.regions);
    const first = await database.db
      .selectFrom('regions')
      .select('code')
      .orderBy('position')
      .orderBy('code')
      .executeTakeFirst();
    const user = await createUser(database.db, input.data, first ? [first.code] : []);
    console.log(`Created ${input.data.role} "${input.data.username}" (${user.id}).`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
