/**
 * The stand-in in its own process (so its memory and CPU stay out of what is measured).
 * argv[2]: StandinOptions as JSON. Prints one line `{"url","key"}` when listening; stops on SIGTERM
 * or when stdin closes (the parent went away).
 */
import { startStandin, type StandinOptions } from '../../test/standin/server';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as StandinOptions;
  const s = await startStandin(options);
  process.stdout.write(`${JSON.stringify({ url: s.url, key: s.key, projectId: s.projectId })}\n`);
  const stop = () => void s.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

void main();
