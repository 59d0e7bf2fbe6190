// Rewrites the fixture table of docs/simulator.md from the simulator's scenarios. Run it after
// adding or changing a scenario: npm run docs:fixtures
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { listScenarioTokens } from '../src/simulator';
import {
  FIXTURE_TABLE_DOC,
  FIXTURE_TABLE_PATH,
  renderFixtureTable,
  withFixtureTable,
} from '../src/simulator/fixture-table';

const before = readFileSync(FIXTURE_TABLE_PATH, 'utf8');
const rewritten = withFixtureTable(before, renderFixtureTable(listScenarioTokens()));
// Formatted as `npm run format` would, so that the two never fight over the table's padding.
const options = await resolveConfig(FIXTURE_TABLE_PATH);
const after = await format(rewritten, { ...options, filepath: FIXTURE_TABLE_PATH });
writeFileSync(FIXTURE_TABLE_PATH, after);
console.log(
  `${FIXTURE_TABLE_DOC}: ${after === before ? 'fixture table already up to date' : 'fixture table rewritten'}.`,
);
