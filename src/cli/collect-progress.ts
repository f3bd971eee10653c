/**
 * The progress of repositories mined at the same time (`collect --jobs`) on one live line: the
 * first repository still running, how many more run beside it, and their commits together. Each
 * repository prints its own line when it is done. With one repository at a time, the line is that
 * repository's, as it always was.
 */
import type { CollectProgress } from '../../collectors/git/collect-repository.ts';
import type { ProgressBar } from './progress-bar.ts';

/** A progress bar shared by the repositories being collected. */
export interface RepositoryProgress {
  /** True when the bar is drawn live (a terminal). */
  readonly live: boolean;
  /** The bar itself, for steps that draw their own progress (code size, lists). */
  readonly plain: ProgressBar;
  /** Shows where a repository is. */
  update(progress: CollectProgress): void;
  /** The repository is done (or failed): prints `line`, when given, and shows the others. */
  finish(repository: string, line?: string): void;
}

const phaseWord = (phase: CollectProgress['phase']) =>
  phase === 'fetching' ? 'fetching' : 'reading history';

/** Wraps `bar` for repositories collected side by side. */
export function repositoryProgress(bar: ProgressBar): RepositoryProgress {
  const running = new Map<string, CollectProgress>();
  const draw = () => {
    const all = [...running.values()];
    const first = all[0];
    if (!first) return;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const totals = all.map((p) => p.commitsTotal);
    bar.update({
      label: all.length === 1 ? first.repository : `${first.repository} +${all.length - 1} more`,
      phase: phaseWord(first.phase),
      done: sum(all.map((p) => p.commitsDone)),
      total: totals.every((t) => t !== null) ? sum(totals as number[]) : null,
    });
  };
  return {
    live: bar.live,
    plain: bar,
    update(progress) {
      running.set(progress.repository, progress);
      draw();
    },
    finish(repository, line) {
      running.delete(repository);
      bar.finish(line);
      draw();
    },
  };
}
