// The build: src/main.ts (the bot) and src/cli/rollcall.ts (the admin CLI) bundled by esbuild into
// plain JavaScript in dist/, so production starts without compiling TypeScript (tsx at start cost a
// second and 150 MiB). The packages are bundled too: Node's ESM loader resolves and reads each file of
// a package on its own (Kysely alone is ~300 files, ~0.2 s), and one file per chunk halves the time to
// /healthz (1.0 s → 0.5 s). Left outside (NOT_BUNDLED): native better-sqlite3, discord.js (optional
// native speed-ups and worker files found by path; it loads only when configured) and pg's optional
// native binding. Code splitting keeps each adapter in its own chunk, loaded only when the runtime
// imports it (i.e. when it is configured); dist/meta.json records which chunk holds what.
//
// `node scripts/build.js` builds; `ensureBuilt()` (used by `npm start` and the `rollcall` bin) builds
// only when dist/ is missing or older than the sources, so `npm install && npm start` is the whole set-up.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferModules } from './defer-modules.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** Written after every output: its time is the build's, and its absence means no complete build. */
const STAMP = join(DIST, '.build-stamp');
const SOURCES = ['src', 'adapters', 'package.json', 'package-lock.json'];
const META = join(DIST, 'meta.json');
/** Packages loaded from node_modules at run time rather than bundled (see above). */
const NOT_BUNDLED = ['better-sqlite3', 'discord.js', 'pg-native'];
/**
 * Bundled CommonJS packages call require() for Node's built-ins and JSON files; an ES module has no
 * require of its own, so each output file gets one made for its place.
 */
const REQUIRE_SHIM =
  "import { createRequire as __rollcallRequire } from 'node:module'; const require = __rollcallRequire(import.meta.url);";

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
    external: NOT_BUNDLED,
    banner: { js: REQUIRE_SHIM },
    sourcemap: 'linked',
    // The bundled packages' licence notices stay with them in node_modules; dist/ is built on the machine.
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [deferModules(ROOT)],
    write: false,
  });
  const outputs = new Set(result.outputFiles.map((file) => file.path));
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  outputs.add(META);
  writeAtomically(META, JSON.stringify(result.metafile));
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
