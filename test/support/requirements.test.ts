import { expect, test } from 'vitest';
import { needs, type Requirement } from './requirements';

const present: Requirement = { available: () => true, missing: 'present is missing' };
const noNginx: Requirement = { available: () => false, missing: 'nginx not found (apt-get install nginx-light)' };
const noApache: Requirement = { available: () => false, missing: 'apache2 not found (apt-get install apache2)' };

test.each([
  ['nothing needed', [], {}],
  ['all present', [present], {}],
  ['one missing', [present, noNginx], { skip: true, meta: { skipReason: 'nginx not found (apt-get install nginx-light)' } }],
  [
    'two missing',
    [noNginx, noApache],
    { skip: true, meta: { skipReason: 'nginx not found (apt-get install nginx-light); apache2 not found (apt-get install apache2)' } },
  ],
])('needs: %s', (_name, requirements: Requirement[], options) => {
  expect(needs(...requirements)).toEqual(options);
});
