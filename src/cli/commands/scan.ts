import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';

/** `sfjwt scan`: find password logins to Salesforce and the replacement for each. */
export const scanCommand: CommandFactory = (context) => ({
  command: 'scan [paths..]',
  describe: 'Find integrations that log in to Salesforce with a password, and what to use instead',
  builder: (yargs) =>
    yargs
      .positional('paths', { type: 'string', array: true, describe: 'Files or folders to scan (default: .)' })
      .option('format', {
        choices: ['text', 'json', 'sarif', 'markdown'] as const,
        default: 'text' as const,
        describe: 'Output format: text grouped by file, JSON, SARIF 2.1.0, or a Markdown migration report',
      })
      .option('fail-on', {
        choices: ['low', 'medium', 'high', 'critical', 'none'] as const,
        default: 'low' as const,
        describe: 'Exit with 1 when a finding has this severity or a higher one (none: always exit 0)',
      })
      .option('max-file-size', {
        type: 'string',
        default: '1MiB',
        describe: 'Skip files larger than this (bytes, or with a unit: 512KiB, 2MiB)',
      })
      .option('mask', {
        type: 'boolean',
        default: true,
        describe: 'Mask secret values in the quoted lines; --no-mask shows them',
      })
      .option('show-secrets', {
        type: 'boolean',
        default: false,
        describe: 'Same as --no-mask: show secret values in the quoted lines',
      })
      .option('exclude', {
        type: 'string',
        array: true,
        describe: 'Leave out paths matching this gitignore-style pattern (repeatable)',
      }),
  handler: (args) =>
    runHandler(context, args.format === 'json', async () => {
      const { runScan } = await import('../../scan/cli-run.js');
      return runScan(args as unknown as Parameters<typeof runScan>[0], context.io);
    }),
});
