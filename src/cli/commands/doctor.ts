import type { CommandFactory } from '../context.js';
import { runHandler } from '../context.js';
import { withJwtOptions, type JwtArgs } from '../jwt-options.js';

/** `sfjwt doctor`: run the whole JWT chain and print a checklist. */
export const doctorCommand: CommandFactory = (context) => ({
  command: 'doctor',
  describe: 'Check settings, key, certificate, endpoint, clock and the exchange; print a checklist with fixes',
  builder: (yargs) => withJwtOptions(yargs),
  handler: (args) =>
    runHandler(context, args.json === true, async () => {
      const { runDoctorCommand } = await import('../handlers/doctor.js');
      return runDoctorCommand(args as JwtArgs, context.io);
    }),
});
