import { startSimulator } from '../../src/simulator';

// The Plaid simulator on its own (what every benchmark proxies to), in a child process of the
// benchmark. The fixtures' times are written relative to now, so a fixture's answer changes as the
// clock moves (the `fresh` token's created_at, to the second): SIMULATOR_STILL_CLOCK=1 stops the
// clock at start, and each answer then differs from the last only by its request_id, as Plaid's
// answers for a token do between the events of its sessions.
const startedAt = new Date();
const simulator = await startSimulator({
  port: 0,
  host: '127.0.0.1',
  ...(process.env.SIMULATOR_STILL_CLOCK === '1' && { now: () => startedAt }),
});
process.send?.({ url: simulator.url });
process.once('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
