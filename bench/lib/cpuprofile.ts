import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and sums its samples three ways, for a
// terminal rather than a flame graph GUI:
// - by function (self time: the function on top of the stack),
// - by where the code lives (self time): one of our source modules, an npm package, a part of
//   Node itself, V8's garbage collector, idle,
// - by owner: each sample goes to the innermost of our modules (or of the packaged middleware we
//   register: hono/request-id, @hono/zod-validator, …) on its stack, so a middleware is
//   charged for the library code it calls (pino under the request logger, undici under the
//   Plaid client) but not for the middleware it calls next(). Samples with none of our frames on
//   the stack (parsing HTTP, socket writes, timers) are charged to where their top frame lives.
// Our server is bundled by tsup into dist/server/*.js, which keeps a `// src/…` comment where each
// source module starts; those comments map a line of the bundle back to its module.

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type Row = { name: string; ms: number; share: number };

export type ProfileSummary = {
  // Wall time covered by the samples, and how much of it the process was busy (not idle).
  totalMs: number;
  busyMs: number;
  byFunction: Row[];
  byPlace: Row[];
  byOwner: Row[];
  // With callersOf: the stacks (innermost first, a few frames deep) under which that function ran.
  callers: Row[];
};

const MIDDLEWARE_PACKAGES = new Set(['@hono/zod-validator', 'hono-rate-limiter']);
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

// Line ranges of the bundle, each the source module whose `// src/…` comment opens it.
function bundleModules(url: string): (line: number) => string | undefined {
  let lines: string[];
  try {
    lines = readFileSync(fileURLToPath(url), 'utf8').split('\n');
  } catch {
    return () => undefined;
  }
  const starts: { line: number; module: string }[] = [];
  lines.forEach((text, index) => {
    const match = /^\/\/ (src\/\S+\.tsx?)$/.exec(text);
    if (match) starts.push({ line: index, module: match[1]! });
  });
  return (line) => {
    let found: string | undefined;
    for (const start of starts) {
      if (start.line > line) break;
      found = start.module;
    }
    return found;
  };
}

function placeResolver(): (frame: CallFrame) => { place: string; ours: boolean } {
  const bundles = new Map<string, (line: number) => string | undefined>();
  return (frame) => {
    const { url, functionName } = frame;
    if (SPECIAL.has(functionName)) return { place: functionName, ours: false };
    if (url === '') return { place: `(V8/native) ${functionName || 'anonymous'}`, ours: false };
    // Middleware from packages that we register in the app counts as an owner, as ours does.
    const honoMiddleware = /node_modules\/hono\/dist\/middleware\/([^/]+)\//.exec(url);
    if (honoMiddleware) return { place: `npm hono/${honoMiddleware[1]}`, ours: true };
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (pkg) return { place: `npm ${pkg[1]}`, ours: MIDDLEWARE_PACKAGES.has(pkg[1]!) };
    // Node's own modules by file: node:_http_server, node:streams/writable, node:deps/undici/undici.
    if (url.startsWith('node:')) return { place: url.replace(/^node:internal\//, 'node:'), ours: false };
    if (url.includes('/dist/server/')) {
      if (!bundles.has(url)) bundles.set(url, bundleModules(url));
      const module = bundles.get(url)!(frame.lineNumber);
      return module ? { place: module, ours: true } : { place: 'dist/server (bundle glue)', ours: true };
    }
    const source = /\/(src\/.*)$/.exec(url);
    if (source) return { place: source[1]!, ours: true };
    return { place: url, ours: false };
  };
}

function rows(totals: Map<string, number>, totalMs: number, top: number): Row[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

// Only the samples taken between `from` and `to` (microseconds of the monotonic clock, which V8's
// profile timestamps and process.hrtime share) count: e.g. the load, without start-up and warm-up.
export type Window = { from: number; to: number };

export function summariseProfile(
  file: string,
  options: { top: number; window?: Window; callersOf?: string },
): ProfileSummary {
  const { top, window, callersOf } = options;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const resolve = placeResolver();
  const places = new Map(profile.nodes.map((node) => [node.id, resolve(node.callFrame)]));

  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const callers = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, ms: number) =>
    totals.set(key, (totals.get(key) ?? 0) + ms);

  let totalMs = 0;
  let idleMs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index]!;
    if (window && (at < window.from || at > window.to)) return;
    // A sample stands for the time until the next one (timeDeltas[i] is the gap before sample i).
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    totalMs += ms;
    const node = nodes.get(id)!;
    const place = places.get(id)!;
    if (node.callFrame.functionName === '(idle)') idleMs += ms;
    const frame = node.callFrame;
    // Where in the file: lines of the bundle for our code (dist/server/*.js), as in the profile.
    const file = frame.url === '' ? '' : ` ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    add(byFunction, `${frame.functionName || '(anonymous)'} (${place.place}${file})`, ms);
    add(byPlace, place.place, ms);

    let owner: string | undefined;
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      const candidate = places.get(current)!;
      if (candidate.ours) {
        owner = candidate.place;
        break;
      }
    }
    add(byOwner, owner ?? `${place.place} (no frame of ours)`, ms);

    if (frame.functionName === callersOf) {
      const stack: string[] = [];
      for (
        let current = parents.get(id);
        current !== undefined && stack.length < 6;
        current = parents.get(current)
      ) {
        const caller = nodes.get(current)!.callFrame;
        stack.push(`${caller.functionName || '(anonymous)'} (${places.get(current)!.place})`);
      }
      add(callers, stack.join(' ← '), ms);
    }
  });

  return {
    totalMs,
    busyMs: totalMs - idleMs,
    byFunction: rows(byFunction, totalMs, top),
    byPlace: rows(byPlace, totalMs, top),
    byOwner: rows(byOwner, totalMs, top),
    callers: rows(callers, totalMs, top),
  };
}
