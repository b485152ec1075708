// Kept for tests that import the old path: the Node-only test support lives in ./node/test-support (import that).
export * from './node/test-support';
