import { doctorExitCode, worstStatus, type CheckResult } from '../../doctor/checklist.js';
import { runDoctor } from '../../doctor/run-doctor.js';
import { readTextFile } from '../../util/read-text.js';
import { resolveJwtSettings, type JwtArgs } from '../jwt-options.js';
import { ioWithPassphrase, keySource, loginOptionsWithoutKey } from '../login-options.js';
import { printLines, printWarning, type Io } from '../output.js';
import { redactText } from '../../util/redact.js';
import { loadKeyWithPassphrase } from '../passphrase.js';

const MARKS: Record<CheckResult['status'], string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/** Runs `sfjwt doctor`; the exit code is 0 (all pass), 1 (worst is a warning) or 2 (a check failed). */
export async function runDoctorCommand(args: JwtArgs, io: Io): Promise<number> {
  const { settings, warnings } = resolveJwtSettings(args, io);
  warnings.forEach((warning) => printWarning(io, warning));
  const { assertKeyMatchesCertificate } = await import('../../cert/check.js');
  const results = await runDoctor({
    settings,
    loadKey: () => loadKeyWithPassphrase(ioWithPassphrase(io, settings), keySource(settings), args),
    ...(args.cert === undefined ? {} : { certificatePem: await readTextFile(args.cert, 'certificate') }),
    login: loginOptionsWithoutKey(args, settings),
    checkPair: (key, certificatePem) =>
      assertKeyMatchesCertificate(key.privateKey, certificatePem, {
        key: settings.keyFile?.value ?? 'the key',
        certificate: args.cert ?? 'the certificate in the key file',
      }),
  });
  if (args.json === true) {
    // Doctor echoes settings and messages: redact them in case a secret sits where a path belongs.
    io.stdout(`${redactText(JSON.stringify({ status: worstStatus(results), checks: results }, null, 2))}\n`);
  } else {
    printLines(io, renderChecklist(results).map(redactText));
  }
  return doctorExitCode(results);
}

function renderChecklist(results: readonly CheckResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`[${MARKS[result.status]}] ${result.title}: ${result.detail}`);
    result.fixes.forEach((fix, index) => lines.push(`       ${index + 1}. ${fix}`));
  }
  const worst = worstStatus(results);
  lines.push(worst === 'pass' ? 'All checks passed.' : `Worst result: ${MARKS[worst]}.`);
  return lines;
}

