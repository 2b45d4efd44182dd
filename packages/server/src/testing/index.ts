// @cxrlab/server/testing: test servers per database dialect and signed-in API clients.
export { createTestServer, testPasswordHash, TEST_PASSWORD, type TestServer } from './test-server.js';
export { ApiClient, login, type ApiResponse, type Credentials } from './api-client.js';
export { forEachDialect, postgresProblem, DIALECTS, TEST_PG_URL } from './dialects.js';
