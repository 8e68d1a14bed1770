// `npm run bench -- page-load` loads this extension to separate what Chromium costs a page load
// for delivering CORS Lens's events (same five events, same extraInfoSpec as
// src/platform/web-request.ts, every tab) from what CORS Lens's own code adds to that.
const nothing = () => undefined;
const urls = ['http://*/*', 'https://*/*'];
chrome.webRequest.onSendHeaders.addListener(nothing, { urls }, ['requestHeaders', 'extraHeaders']);
chrome.webRequest.onHeadersReceived.addListener(nothing, { urls }, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onBeforeRedirect.addListener(nothing, { urls }, ['extraHeaders']);
chrome.webRequest.onCompleted.addListener(nothing, { urls }, ['extraHeaders']);
chrome.webRequest.onErrorOccurred.addListener(nothing, { urls }, ['extraHeaders']);
