// Reads the Server-Timing header our proxy sets (hono/timing): "upstream;dur=412.3,total;dur=415.4;
// desc=…". Our own time is the total less the time spent waiting for Plaid.
export type ServerTiming = { upstreamMs: number | null; proxyMs: number | null };

export function parseServerTiming(header: string | null): ServerTiming | null {
  if (!header) return null;
  const durations = new Map<string, number>();
  for (const metric of header.split(',')) {
    const [name, ...params] = metric.trim().split(';');
    const dur = params.map((param) => param.trim()).find((param) => param.startsWith('dur='));
    if (name && dur) durations.set(name.trim(), Number(dur.slice(4)));
  }
  const upstreamMs = durations.get('upstream') ?? null;
  const totalMs = durations.get('total');
  const proxyMs = totalMs === undefined ? null : Math.max(0, totalMs - (upstreamMs ?? 0));
  return upstreamMs === null && proxyMs === null ? null : { upstreamMs, proxyMs };
}
