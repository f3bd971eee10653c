import { BarometerError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';

/** Placeholder until the `serve` command lands. */
export const command: Command = {
  summary: 'serve',
  usage: 'barometer serve',
  async run() {
    throw new BarometerError('bad-input', '`serve` is not available yet');
  },
};
