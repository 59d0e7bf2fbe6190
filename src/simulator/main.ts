import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import { simulatorOptionsFromEnv } from './env';
import { listScenarioTokens } from './scenarios';
import { startSimulator } from './server';

// `npm run simulator`: the simulator on its own, for other tools or for this app in plaid mode
// (PLAID_UPSTREAM=plaid, PLAID_SANDBOX_URL and PLAID_PRODUCTION_URL the printed URLs). Configured
// by the environment only: SIMULATOR_PORT (or PORT, default 4010), HOST (default 127.0.0.1),
// SIMULATOR_FAULT, SIMULATOR_LIVE_STEP_MS.
const port = Number(process.env.SIMULATOR_PORT ?? process.env.PORT ?? 4010);
const options = simulatorOptionsFromEnv(process.env);
const simulator = await startSimulator({ ...options, port, host: process.env.HOST ?? '127.0.0.1' }).catch(
  (error: Error) => {
    console.error(`The simulator could not start on port ${port}: ${error.message}`);
    process.exit(1);
  },
);

console.log(
  `Plaid simulator listening on ${simulator.urls.sandbox} (Sandbox) and ${simulator.urls.production} (Production): POST /link/token/get, /institutions/get_by_id`,
);
console.log(`Credentials: PLAID-CLIENT-ID=${SIMULATOR_CLIENT_ID} PLAID-SECRET=${SIMULATOR_SECRET}`);
if (options.fault) console.log(`Fault on every request: SIMULATOR_FAULT=${process.env.SIMULATOR_FAULT}`);
console.log('Fixture tokens:');
for (const token of listScenarioTokens()) {
  console.log(`  ${token.link_token.padEnd(53)} ${token.scenario.padEnd(26)} ${token.description}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void simulator.close().then(() => process.exit(0)));
}
