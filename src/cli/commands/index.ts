import type { CommandFactory } from '../context.js';
import { brokerCommand } from './broker.js';
import { certCommand } from './cert.js';
import { demoCommand } from './demo.js';
import { doctorCommand } from './doctor.js';
import { emulatorCommand } from './emulator.js';
import { scanCommand } from './scan.js';
import { setupCommand } from './setup.js';
import { tokenCommand } from './token.js';

/**
 * Every sfjwt command, registered from this explicit list. Command modules
 * import only yargs types at load time; each handler imports the library
 * code it needs, so `sfjwt --help` stays fast.
 */
export const COMMANDS: readonly CommandFactory[] = [
  certCommand,
  tokenCommand,
  doctorCommand,
  emulatorCommand,
  setupCommand,
  demoCommand,
  scanCommand,
  brokerCommand,
];
