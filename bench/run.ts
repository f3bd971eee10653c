/**
 * `npm run bench [-- ARGS]`: a small dispatcher over the benches. `npm run bench -- mine ARGS` (the
 * default when the first argument names no bench) runs bench/mine.ts; each bench is a module with
 * one `run…(args)` function, so others can be added beside it.
 */
import { runMineBench } from './mine.ts';

/** The benches by name. */
const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  mine: runMineBench,
};

const [first, ...rest] = process.argv.slice(2);
const named = first !== undefined && first in BENCHES;
const bench = BENCHES[named ? first : 'mine']!;
try {
  await bench(named ? rest : process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
