// An esbuild plugin for the build: Bolt's index loads all of its receivers when it is imported, and
// two of them pull in what an HTTP-mode bot never runs: Socket Mode's client brings undici (1 MB,
// ~170 ms to load) and the Express receiver brings Express (~130 ms). Each module named in DEFERRED
// is replaced by a stand-in whose exports load the real module on first use: Socket Mode loads when
// SLACK_APP_TOKEN makes the adapter construct its receiver, and not before.
//
// The stand-in answers `__esModule` itself, because TypeScript's CommonJS output reads it the
// moment the module is required (__importDefault), long before anything is used. Everything else
// (a property, `in`, a key listing) loads the real module. The build fails if Bolt no longer has
// one of these files, so a Bolt upgrade cannot silently bring the cost back.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DEFERRED = [
  'node_modules/@slack/bolt/dist/receivers/SocketModeReceiver.js',
  'node_modules/@slack/bolt/dist/receivers/ExpressReceiver.js',
  'node_modules/@slack/bolt/dist/receivers/AwsLambdaReceiver.js',
];
const NAMESPACE = 'rollcall-deferred';

const standIn = (realPath) => `
let real;
const load = () => (real ??= require(${JSON.stringify(realPath)}));
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? true : load()[key]),
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Object.getOwnPropertyDescriptor(load(), key);
    return descriptor && { ...descriptor, configurable: true };
  },
});
`;

/** @param {string} root the project's root, where node_modules is */
export function deferModules(root) {
  const deferred = new Set(DEFERRED.map((path) => join(root, path)));
  return {
    name: 'defer-modules',
    setup(build) {
      build.onStart(() => {
        const missing = [...deferred].filter((path) => !existsSync(path));
        if (missing.length > 0) return { errors: missing.map((path) => ({ text: `defer-modules: no ${path}` })) };
      });
      // Only the requires written in Bolt's own files: the stand-in's own require of the real file
      // comes from this plugin's namespace and resolves normally.
      build.onResolve({ filter: /Receiver$/, namespace: 'file' }, async (args) => {
        if (args.kind !== 'require-call' || !args.importer.includes('@slack/bolt')) return undefined;
        const path = join(dirname(args.importer), `${args.path}.js`);
        return deferred.has(path) ? { path, namespace: NAMESPACE } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: standIn(args.path),
        loader: 'js',
        resolveDir: dirname(args.path),
      }));
    },
  };
}
