/** `npm run standin`: start the local PostHog stand-in with demo data and print how to use it. */
import { startStandin } from './server';

async function main() {
  const port = Number(process.env.PORT ?? process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 0);
  const s = await startStandin({ port, retryAfterHeader: process.argv.includes('--retry-after') });
  process.stdout.write(
    [
      `PostHog stand-in listening on ${s.url}`,
      `personal API key: ${s.key}`,
      `project: ${s.projectId} (${s.team().name}), project token ${s.projectToken}`,
      '',
      'Try it:',
      `  POSTHOG_HOST=${s.url} POSTHOG_API_KEY=${s.key} node dist/cli.js`,
      `  your app's PostHog SDK: new PostHog('${s.projectToken}', { host: '${s.url}' })  (capture v0 and v1, /flags)`,
      '',
    ].join('\n'),
  );
  const stop = () => void s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
