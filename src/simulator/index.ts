// Public surface of the Plaid simulator: what the proxy server, the browser tests and the
// benchmarks may use. Everything else under src/simulator/ is the simulator's own.
export { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
export { simulatorOptionsFromEnv } from './env';
export { simulatorAsPlaidEnv } from './as-plaid-env';
export { parseFault } from './faults';
export { SCENARIOS, UNKNOWN_TOKEN, listScenarioTokens, scenarioToken } from './scenarios';
export { LIVE_EVENT_COUNT } from './scenarios/live';
export { startSimulator, simulatorUrls, type RunningSimulator } from './server';
export { manualClock } from './test-support';
export type { SimulatorOptions } from './types';
