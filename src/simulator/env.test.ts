import { describe, expect, it } from 'vitest';
import { simulatorOptionsFromEnv } from './env';

describe('simulatorOptionsFromEnv', () => {
  it('reads SIMULATOR_FAULT and SIMULATOR_LIVE_STEP_MS', () => {
    expect(
      simulatorOptionsFromEnv({ SIMULATOR_FAULT: 'latency:2000', SIMULATOR_LIVE_STEP_MS: '500' }),
    ).toEqual({
      fault: { kind: 'latency', ms: 2000 },
      liveStepMs: 500,
    });
    expect(simulatorOptionsFromEnv({ SIMULATOR_FAULT: 'hang' })).toEqual({ fault: { kind: 'hang' } });
  });

  it('leaves everything at its default when unset or empty', () => {
    expect(simulatorOptionsFromEnv({ SIMULATOR_FAULT: '', SIMULATOR_LIVE_STEP_MS: ' ' })).toEqual({});
  });

  it('names the variable that is wrong', () => {
    expect(() => simulatorOptionsFromEnv({ SIMULATOR_FAULT: '418' })).toThrow(
      /^SIMULATOR_FAULT must be one of/,
    );
    expect(() => simulatorOptionsFromEnv({ SIMULATOR_LIVE_STEP_MS: 'fast' })).toThrow(
      /^SIMULATOR_LIVE_STEP_MS/,
    );
    expect(() => simulatorOptionsFromEnv({ SIMULATOR_LIVE_STEP_MS: '0' })).toThrow(/^SIMULATOR_LIVE_STEP_MS/);
  });
});
