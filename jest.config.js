/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // Fixtures and examples are data for the tests, never test files themselves.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/__testfixtures__/', '/examples/'],
  // Taro publishes ES modules; the Taro runtime test loads Taro's own weapp runtime.
  transformIgnorePatterns: ['/node_modules/(?!@tarojs/)'],
};
