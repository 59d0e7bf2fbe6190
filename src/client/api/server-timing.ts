// Reads the Server-Timing header our proxy sets ("upstream;dur=412.3, proxy;dur=3.1").
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
  const proxyMs = durations.get('proxy') ?? null;
  return upstreamMs === null && proxyMs === null ? null : { upstreamMs, proxyMs };
}
