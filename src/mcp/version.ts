/**
 * The server's name and version, in a module of their own: the tools read the version (capture's
 * `PostHog-Sdk-Info`) without pulling the MCP SDK's server, with its zod 4 and ajv, into
 * dist/core.js (that import took core.js's load from ~50 to ~140 ms).
 */
export const SERVER_NAME = 'posthog';
export const SERVER_VERSION = '0.1.0';
