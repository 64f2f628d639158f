// The build: src/main.ts (the bot) and src/cli/rollcall.ts (the admin CLI) bundled by esbuild into
// plain JavaScript in dist/, so production starts without compiling TypeScript (tsx at start cost a
// second and 150 MiB). Packages stay external: node_modules is there at run time, and bundling native
// better-sqlite3 or discord.js's optional dependencies would break them. Code splitting keeps each
// adapter in its own chunk, loaded only when the runtime imports it (i.e. when it is configured).
//
// `node scripts/build.js` builds; `ensureBuilt()` (used by `npm start` and the `rollcall` bin) builds
// only when dist/ is missing or older than the sources, so `npm install && npm start` is the whole set-up.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** Written after every output: its time is the build's, and its absence means no complete build. */
const STAMP = join(DIST, '.build-stamp');
const SOURCES = ['src', 'adapters', 'package.json'];

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as its folder's change
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Each file lands whole (written aside, then renamed), so two processes building at once never mix. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, contents);
  renameSync(aside, path);
}

function removeStale(folder, keep) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) removeStale(path, keep);
    else if (!keep.has(path) && path !== STAMP && !path.endsWith('.tmp')) rmSync(path, { force: true });
  }
}

export async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/main.ts', rollcall: 'src/cli/rollcall.ts' },
    outdir: DIST,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const outputs = new Set(result.outputFiles.map((file) => file.path));
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  removeStale(DIST, outputs);
  writeAtomically(STAMP, `${new Date().toISOString()}\n`);
  return [...outputs].map((path) => relative(ROOT, path));
}

/** Builds when dist/ is missing or older than src/, adapters/ or package.json; says so on stderr. */
export async function ensureBuilt() {
  const builtAt = mtimeOf(STAMP);
  const sourcesAt = Math.max(...SOURCES.map((path) => newestMtime(join(ROOT, path))));
  if (builtAt !== undefined && builtAt >= sourcesAt) return;
  try {
    await import('esbuild');
  } catch {
    // A production install without dev dependencies: run what was built, or say how to build it.
    if (builtAt !== undefined) return;
    throw new Error('dist/ is missing and esbuild is not installed: run `npm install` and `npm run build`.');
  }
  process.stderr.write(builtAt === undefined ? 'Building dist/…\n' : 'Sources changed: rebuilding dist/…\n');
  await build();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await build();
  process.stdout.write(`Built ${files.filter((file) => !file.endsWith('.map')).join(', ')}\n`);
}
