import { BarometerError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';

/** Placeholder until the `affiliations` command lands. */
export const command: Command = {
  summary: 'affiliations',
  usage: 'barometer affiliations',
  async run() {
    throw new BarometerError('bad-input', '`affiliations` is not available yet');
  },
};
