import { startSimulator } from '../../src/simulator';

// The Plaid simulator on its own (what every benchmark proxies to), in a child process of the
// benchmark.
const simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
process.send?.({ url: simulator.url });
process.once('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
