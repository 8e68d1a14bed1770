// A second, tiny test extension whose only job is a declarativeNetRequest block rule for one
// scenario's URLs: the way an ad blocker cancels a request (net::ERR_BLOCKED_BY_CLIENT).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeBlockerExtension(urlFilter: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-blocker-'));
  const manifest = {
    manifest_version: 3,
    name: 'CORS Lens test blocker',
    version: '1.0',
    permissions: ['declarativeNetRequest'],
    declarative_net_request: { rule_resources: [{ id: 'block', enabled: true, path: 'rules.json' }] },
    browser_specific_settings: { gecko: { id: 'blocker@cors-lens.test' } },
  };
  const rules = [{ id: 1, priority: 1, action: { type: 'block' }, condition: { urlFilter, resourceTypes: ['xmlhttprequest'] } }];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules, null, 2));
  return dir;
}
