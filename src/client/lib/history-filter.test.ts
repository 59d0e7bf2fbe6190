import { describe, expect, it } from 'vitest';
import {
  historyFilterParams,
  isHistoryFiltered,
  NO_HISTORY_FILTER,
  readHistoryFilter,
  toggleHistoryFacet,
} from './history-filter';

describe("History's filter as query parameters", () => {
  it('reads repeated parameters as several values of one group, and writes them back the same', () => {
    const params = new URLSearchParams(
      'link_token=link-sandbox-1&verdict=failed&verdict=abandoned&error_code=ITEM_LOCKED&source=webhook&from=2026-12-01',
    );
    const filter = readHistoryFilter(params);
    expect(filter).toEqual({
      ...NO_HISTORY_FILTER,
      link_token: 'link-sandbox-1',
      verdict: ['failed', 'abandoned'],
      error_code: ['ITEM_LOCKED'],
      source: ['webhook'],
      from: '2026-12-01',
    });
    expect(readHistoryFilter(historyFilterParams(filter))).toEqual(filter);
  });

  it('drops what the API would refuse rather than failing the whole view', () => {
    const filter = readHistoryFilter(
      new URLSearchParams(
        `verdict=failed&verdict=exploded&source=fax&request_id=${'x'.repeat(300)}&error_code=`,
      ),
    );
    expect(filter).toEqual({ ...NO_HISTORY_FILTER, verdict: ['failed'] });
    expect(isHistoryFiltered(filter)).toBe(true);
    expect(isHistoryFiltered(NO_HISTORY_FILTER)).toBe(false);
  });

  it('toggles a breakdown value in and out of its group', () => {
    const one = toggleHistoryFacet(NO_HISTORY_FILTER, 'institution', 'Chase');
    const two = toggleHistoryFacet(one, 'institution', 'Citi');
    expect(two.institution).toEqual(['Chase', 'Citi']);
    expect(toggleHistoryFacet(two, 'institution', 'Chase').institution).toEqual(['Citi']);
  });
});
