import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture } from '../helpers/capture.ts';

describe('barometer entry', () => {
  it('prints help and lists the commands', async () => {
    const stdout = capture();
    expect(await main(['--help'], { stdout })).toBe(0);
    expect(stdout.text).toContain('collect');
    expect(stdout.text).toContain('report');
  });

  it('rejects an unknown command with one line and exit code 2', async () => {
    const stderr = capture();
    expect(await main(['frobnicate'], { stderr })).toBe(2);
    expect(stderr.text.trim().split('\n')).toHaveLength(1);
    expect(stderr.text).toContain("unknown command 'frobnicate'");
  });
});
