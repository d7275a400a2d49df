#!/usr/bin/env node
// Entry point of the `maaltavle` command: loads the TypeScript sources through tsx in this process,
// so signals (SIGINT/SIGTERM) reach the server directly and there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
