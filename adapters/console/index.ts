export { createConsoleNotifier } from './notifier.ts';
export { type ConsoleDeps, runConsole } from './run-console.ts';
