import { BarometerError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';

/** Placeholder until the `report` command lands. */
export const command: Command = {
  summary: 'report',
  usage: 'barometer report',
  async run() {
    throw new BarometerError('bad-input', '`report` is not available yet');
  },
};
