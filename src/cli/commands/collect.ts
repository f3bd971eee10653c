import { BarometerError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';

/** Placeholder until the `collect` command lands. */
export const command: Command = {
  summary: 'collect',
  usage: 'barometer collect',
  async run() {
    throw new BarometerError('bad-input', '`collect` is not available yet');
  },
};
