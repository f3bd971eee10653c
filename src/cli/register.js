// Loads TypeScript (tsx) and `?raw` text imports into this Node process: `node --import ./src/cli/register.js`.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
// Registered after tsx so it runs first and answers `?raw` before tsx sees it.
register('./raw-import-hook.js', import.meta.url);
