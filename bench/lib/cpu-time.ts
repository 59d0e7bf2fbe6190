import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// CPU time another process has used (user + system), from /proc (Linux). On this shared 2-core
// machine a request's wall time mostly measures waiting for a core; the CPU a server spent per
// request does not, so it compares servers (and versions of one) far more steadily.

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

// With a thread id: that thread's alone (the main thread's id is the process's).
export function readCpuSeconds(pid: number, thread?: number): number {
  const stat = readFileSync(
    thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
    'utf8',
  );
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are the 14th and 15th fields of the line, the 12th and 13th after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
