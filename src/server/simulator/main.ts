import { parseFault } from './faults';
import { listScenarioTokens } from './scenarios';
import { startSimulator } from './server';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';

// `npm run simulator`: the simulator on its own, for other tools or for this app in plaid mode
// (PLAID_UPSTREAM=plaid PLAID_SANDBOX_URL=<printed URL>). Configured by the environment only.
const port = Number(process.env.SIMULATOR_PORT ?? process.env.PORT ?? 4010);
const fault = process.env.SIMULATOR_FAULT ? parseFault(process.env.SIMULATOR_FAULT) : undefined;
const liveStepMs = process.env.SIMULATOR_LIVE_STEP_MS
  ? Number(process.env.SIMULATOR_LIVE_STEP_MS)
  : undefined;

const simulator = await startSimulator({ port, host: process.env.HOST ?? '127.0.0.1', fault, liveStepMs });

console.log(`Plaid simulator listening on ${simulator.url} (POST /link/token/get)`);
console.log(`Credentials: PLAID-CLIENT-ID=${SIMULATOR_CLIENT_ID} PLAID-SECRET=${SIMULATOR_SECRET}`);
if (fault) console.log(`Fault on every request: ${process.env.SIMULATOR_FAULT}`);
console.log('Fixture tokens:');
for (const token of listScenarioTokens()) {
  console.log(`  ${token.link_token}  ${token.scenario.padEnd(24)} ${token.description}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void simulator.close().then(() => process.exit(0)));
}
