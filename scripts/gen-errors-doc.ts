import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { renderErrorsDoc } from '../src/errors/render-docs.js';

// Compiled to build/scripts; the docs folder is at the repository root.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
writeFileSync(join(root, 'docs', 'errors.md'), renderErrorsDoc());
console.log('Wrote docs/errors.md');
