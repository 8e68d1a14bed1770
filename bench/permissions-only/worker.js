// Deliberately empty: `npm run bench -- page-load` loads this extension to measure what Chromium
// costs an extension that merely holds CORS Lens's permissions (web_request_api.cc:
// HasAnyWebRequestPermissions → MayHaveProxies → every request goes through the proxying loader).
