// `npm run demo-site`: only the demo site of `npm start` (the gallery page on one loopback origin,
// the API on another), for a browser you open yourself, e.g. Firefox with the extension loaded
// from about:debugging. Ctrl-C stops it.

import { start } from '../test/server/scenario-server';
import { galleryHtml } from './demo-gallery';

const server = await start({ pages: { '/demo.html': galleryHtml() } });
console.log(`demo site: ${server.pageOrigin}/demo.html (API on ${server.apiOrigin} and ${server.siteOrigin}). Ctrl-C to stop.`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
