// The browser that prints PDFs: Chromium's headless shell as shipped inside the npm package
// @sparticuz/chromium (brotli-compressed in the tarball, so `npm install` brings it without a download step),
// unpacked once per installation. CHROMIUM_PATH may point to another Chromium; when it points nowhere the
// packaged one is used. Fonts come from assets/fonts through a fontconfig file of our own, so a PDF looks the
// same on every machine, with or without system fonts.
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FONT_DIR = join(ROOT, 'assets', 'fonts');

export class ChromiumMissingError extends Error {
  readonly statusCode = 503;
  constructor(reason: string) {
    super(
      `PDF kan ikke dannes: ${reason}. Kør "npm install" igen (pakken @sparticuz/chromium), eller sæt CHROMIUM_PATH til en Chromium. Word, Excel og HTML virker stadig.`,
    );
  }
}

let fallbackDir: string | undefined;

/**
 * Where the packaged browser is unpacked: beside the package, so `npm ci` replaces both together; when that
 * is read-only (an installation owned by another user), a private temporary directory of this process.
 */
function cacheDir(version: string): string {
  const dir = join(ROOT, 'node_modules', '.cache', 'maaltavle', `chromium-${version}`);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    if (!fallbackDir) fallbackDir = mkdtempSync(join(tmpdir(), 'maaltavle-chromium-'));
    return fallbackDir;
  }
}

function packaged(): { brotli: string; version: string } | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('@sparticuz/chromium');
    // …/node_modules/@sparticuz/chromium/build/cjs/index.cjs → the package directory.
    const pkgDir = join(dirname(main), '..', '..');
    const brotli = join(pkgDir, 'bin', 'chromium.br');
    if (!existsSync(brotli)) return undefined;
    const version = (require(join(pkgDir, 'package.json')) as { version: string }).version;
    return { brotli, version };
  } catch {
    return undefined;
  }
}

let unpacking: Promise<string> | undefined;

/** Unpacks chromium.br once (to a temporary name, then renamed, so a killed process leaves no half file). */
async function unpack(brotli: string, version: string): Promise<string> {
  const exe = join(cacheDir(version), 'chromium');
  if (existsSync(exe)) return exe;
  const temp = `${exe}.${process.pid}.tmp`;
  await pipeline(
    createReadStream(brotli),
    createBrotliDecompress(),
    createWriteStream(temp, { mode: 0o755 }),
  );
  renameSync(temp, exe);
  return exe;
}

/** The executable to launch: CHROMIUM_PATH when it exists, else the packaged browser (unpacked on first use). */
export async function browserExecutable(): Promise<string> {
  const own = process.env.CHROMIUM_PATH;
  if (own && existsSync(own)) return own;
  const pkg = packaged();
  if (!pkg) {
    for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
      if (existsSync(p)) return p;
    throw new ChromiumMissingError('den medfølgende Chromium findes kun til Linux x64');
  }
  unpacking ??= unpack(pkg.brotli, pkg.version).catch((err: unknown) => {
    unpacking = undefined;
    throw new ChromiumMissingError(
      `den medfølgende Chromium kunne ikke pakkes ud (${err instanceof Error ? err.message : String(err)})`,
    );
  });
  return unpacking;
}

/** A fontconfig file that offers the fonts in assets/fonts and nothing else. */
export function fontconfigFile(): string {
  const pkg = packaged();
  const dir = cacheDir(pkg?.version ?? 'system');
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${FONT_DIR}</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}
