import { BarometerError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';

/** Placeholder until the `site` command lands. */
export const command: Command = {
  summary: 'site',
  usage: 'barometer site',
  async run() {
    throw new BarometerError('bad-input', '`site` is not available yet');
  },
};
