import { parseFault } from './faults';
import type { SimulatorOptions } from './types';

// The simulator's own environment variables, shared by `npm run simulator` and the embedded
// simulator of the server's simulator mode:
// - SIMULATOR_FAULT: a fault on every request (latency:<ms>, 500, 502, 503, 429, malformed-json,
//   truncated, reset, hang);
// - SIMULATOR_LIVE_STEP_MS: how often the live token's session gains an event (default 3000);
// - SIMULATOR_FORGET_SESSIONS_MS: how long after a session ended answers leave it out (unset: never).
// Throws a message naming the variable when one is wrong.
export function simulatorOptionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const options: SimulatorOptions = {};
  const fault = env.SIMULATOR_FAULT?.trim();
  if (fault) options.fault = parseFault(fault);
  const step = env.SIMULATOR_LIVE_STEP_MS?.trim();
  if (step) {
    const ms = Number(step);
    if (!Number.isInteger(ms) || ms <= 0) {
      throw new Error(`SIMULATOR_LIVE_STEP_MS must be a whole number of milliseconds above 0; got "${step}"`);
    }
    options.liveStepMs = ms;
  }
  const forget = env.SIMULATOR_FORGET_SESSIONS_MS?.trim();
  if (forget) {
    const ms = Number(forget);
    if (!Number.isInteger(ms) || ms <= 0) {
      throw new Error(
        `SIMULATOR_FORGET_SESSIONS_MS must be a whole number of milliseconds above 0; got "${forget}"`,
      );
    }
    options.forgetSessionsAfterMs = ms;
  }
  return options;
}
