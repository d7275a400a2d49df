// What a database command does to the outside world: text on stdout/stderr, progress, files read and written.
// Run in the `maaltavle` process it is the terminal and the file system; run inside a server on the command's
// behalf (see src/server/local-control.ts) the same calls are carried back to the waiting `maaltavle` process.
import { readFileSync, writeFileSync } from 'node:fs';
import { type Progress, progress } from './progress.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  progress(label: string): Progress;
  readFile(path: string): Buffer;
  writeFile(path: string, bytes: Buffer | string): void;
}

export const localIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  progress,
  readFile: (path) => readFileSync(path),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
};
