import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_TABLE_DOC,
  FIXTURE_TABLE_PATH,
  fixtureTableIn,
  renderFixtureTable,
  sameTable,
  withFixtureTable,
} from './fixture-table';
import { listScenarioTokens } from './scenarios';

describe('the fixture table of docs/simulator.md', () => {
  it('lists exactly the scenarios the simulator has', () => {
    const documented = fixtureTableIn(readFileSync(FIXTURE_TABLE_PATH, 'utf8'));
    const expected = renderFixtureTable(listScenarioTokens());
    if (!sameTable(documented, expected)) {
      expect.fail(
        `The fixture table in ${FIXTURE_TABLE_DOC} differs from the simulator's scenarios. ` +
          'Run `npm run docs:fixtures` to regenerate it, and commit the result.',
      );
    }
  });
});

describe('generating the table', () => {
  const tokens = [
    { link_token: 'link-sandbox-a', scenario: 'one', description: 'Says a | b.' },
    { link_token: 'link-sandbox-b', scenario: 'two', description: 'Another.' },
  ];
  const doc =
    'Before.\n\n<!-- fixture-table:start: generated -->\nold table\n<!-- fixture-table:end -->\n\nAfter.\n';

  it('replaces only what lies between the markers, and escapes pipes in descriptions', () => {
    const table = renderFixtureTable(tokens);
    const written = withFixtureTable(doc, table);
    expect(written).toBe(
      'Before.\n\n<!-- fixture-table:start: generated -->\n' +
        '| Token | Scenario | What it shows |\n|---|---|---|\n' +
        '| `link-sandbox-a` | `one` | Says a \\| b. |\n| `link-sandbox-b` | `two` | Another. |\n' +
        '<!-- fixture-table:end -->\n\nAfter.\n',
    );
    expect(withFixtureTable(written, table)).toBe(written);
  });

  it('treats a table Prettier re-padded as the same, and a changed or missing row as different', () => {
    const table = renderFixtureTable(tokens);
    const padded = table.replaceAll(' | ', '   |   ').replace('|---|---|---|', '| ---- | :--- | ----- |');
    expect(sameTable(padded, table)).toBe(true);
    expect(sameTable(renderFixtureTable(tokens.slice(0, 1)), table)).toBe(false);
    expect(sameTable(table.replace('Another.', 'Other.'), table)).toBe(false);
  });

  it('refuses a document whose markers are gone', () => {
    expect(() => withFixtureTable('no markers here', '')).toThrow(/markers/);
  });
});
