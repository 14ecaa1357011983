// The processes under a process, from /proc (Linux): what a stop must leave behind, nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface ProcessStat {
  pid: number;
  parent: number;
  state: string;
}

function stat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    const [state = '', parent = '0'] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, parent: Number(parent), state };
  } catch {
    return undefined;
  }
}

/** Every process under `root`, children first found first. */
export function descendants(root: number): number[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => stat(Number(name)) ?? []);
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift();
    for (const child of all.filter((candidate) => candidate.parent === parent)) {
      found.push(child.pid);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Whether a process still runs (a zombie waiting for its parent to reap it has stopped). */
export function running(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  const state = stat(pid)?.state;
  return state !== undefined && state !== 'Z' && state !== 'X';
}
