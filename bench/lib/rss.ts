import { readFileSync } from 'node:fs';

// Samples the resident set size of another process from /proc (Linux), so the measured process
// runs no extra code and the sampler's own memory is not counted.

export function readRssBytes(pid: number): number {
  return readStatusBytes(pid, 'VmRSS');
}

// The highest RSS the process has had since it started (the kernel's high-water mark), including
// what no sampler saw: its start-up, before it answered anything.
export function readPeakRssBytes(pid: number): number {
  return readStatusBytes(pid, 'VmHWM');
}

function readStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  if (!match) throw new Error(`No ${field} for process ${pid}`);
  return Number(match[1]) * 1024;
}

export type RssSampler = { stop(): number[] };

export function sampleRss(pid: number, intervalMs: number): RssSampler {
  const samples: number[] = [readRssBytes(pid)];
  const timer = setInterval(() => {
    try {
      samples.push(readRssBytes(pid));
    } catch {
      // The process has gone; the caller notices that on its own.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
