// The browser tests' harness: a real server serving the built app, seeding through the API, headless
// Chromium, and the viewer's image <-> page coordinate mapping.
export { startWebServer, requireWebBundle, ADMIN_PASSWORD, type WebServer, type WebServerOptions } from './web-server.js';
export { syntheticChestDicom, type SyntheticImage, type SyntheticImageOptions } from './synthetic-dicom.js';
export * from './seed.js';
export { launchBrowser, newUserPage, signIn, pageErrors, requireChromium, CHROMIUM, CHROMIUM_ARGS, type UserPage } from './browser.js';
export * from './viewer-map.js';
export * from './reading.js';
export { browserSuite, openFirstRead, type BrowserSuite, type ReaderPage } from './suite.js';
