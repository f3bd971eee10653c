import { describe, expect, it } from 'vitest';
import { createProgressBar, formatDuration, formatProgress } from '../../src/cli/progress-bar.ts';

describe('progress bar', () => {
  it('shows the label, a bar, counts, rate and time left', () => {
    expect(formatProgress({ label: 'xen', done: 12_345, total: 50_000 }, 10, 80)).toBe(
      'xen [#######-----------------------] 12,345/50,000 commits  1,235/s  0:31 left',
    );
  });

  it('shows a phase before anything is counted, and counts without a total', () => {
    expect(formatProgress({ label: 'xen', phase: 'fetching', done: 0, total: null }, 3)).toBe(
      'xen fetching',
    );
    expect(formatProgress({ label: 'xen', done: 900, total: null }, 3)).toBe(
      'xen 900 commits  300/s',
    );
  });

  it('fits the width it is given', () => {
    const line = formatProgress(
      { label: 'a-very-long-repository-name', done: 5, total: 10 },
      1,
      40,
    );
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line.startsWith('a-very-long-repository-name')).toBe(true);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(73)).toBe('1:13');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('redraws on a terminal at most every interval and prints only final lines elsewhere', () => {
    let now = 0;
    const clock = () => new Date(now);
    const tty = {
      text: '',
      isTTY: true,
      columns: 60,
      write(t: string) {
        this.text += t;
      },
    };
    const bar = createProgressBar(tty, { clock, intervalMs: 100 });
    bar.update({ label: 'r', done: 1, total: 4 });
    now = 50;
    bar.update({ label: 'r', done: 2, total: 4 });
    now = 1000;
    bar.update({ label: 'r', done: 3, total: 4 });
    bar.finish('r: done');
    expect(tty.text.split('\r\x1b[K')).toEqual([
      '',
      'r [########----------------------] 1/4 commits  0/s  ? left',
      'r [####################-------] 3/4 commits  3/s  0:00 left',
      'r: done\n',
    ]);
    const pipe = {
      text: '',
      write(t: string) {
        this.text += t;
      },
    };
    const quiet = createProgressBar(pipe, { clock });
    quiet.update({ label: 'r', done: 1, total: 4 });
    quiet.finish('r: done');
    expect(pipe.text).toBe('r: done\n');
  });
});
