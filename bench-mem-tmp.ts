import { runMemoryBench } from './bench/memory';
import { scenarioToken } from './src/simulator';
const ordinary = scenarioToken('fresh');
const large = scenarioToken('large');
for (const label of ['new data dir', 'existing data dir']) {
  const section = await runMemoryBench({ lookups: 3000, connections: 10, linkTokens: [...Array.from({ length: 9 }, () => ordinary), large], sampleEveryMs: 100 });
  console.log('=== ' + label + '\n' + JSON.stringify(section, null, 1).slice(0, 3000));
}
