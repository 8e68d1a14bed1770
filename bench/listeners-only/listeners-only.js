// Mirrors src/platform/web-request.ts (events, filter, extraInfoSpec) with empty callbacks, so
// `npm run bench` can tell Chromium's own cost of webRequest + 'extraHeaders' from CORS Lens's.
const filter = { urls: ['http://*/*', 'https://*/*'] };
const ignore = () => undefined;
const wr = chrome.webRequest;
wr.onBeforeRequest.addListener(ignore, filter, ['extraHeaders'].filter(() => wr.OnBeforeRequestOptions?.EXTRA_HEADERS));
wr.onSendHeaders.addListener(ignore, filter, ['requestHeaders', 'extraHeaders']);
wr.onHeadersReceived.addListener(ignore, filter, ['responseHeaders', 'extraHeaders']);
wr.onBeforeRedirect.addListener(ignore, filter, ['extraHeaders']);
wr.onCompleted.addListener(ignore, filter, ['extraHeaders']);
wr.onErrorOccurred.addListener(ignore, filter, ['extraHeaders']);
