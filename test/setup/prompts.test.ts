import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { expect } from 'chai';

import type { SetupArgs } from '../../src/cli/commands/setup.js';
import type { Io } from '../../src/cli/output.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { runSetupCommand } from '../../src/setup/cli-handler.js';
import { askQuestion, createReadlineAsker, type Asker } from '../../src/setup/prompt-io.js';
import { askSetupQuestions } from '../../src/setup/prompts.js';
import { fixturePath } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Creates an Asker that replies from a script and records the questions and remarks. */
function scriptedAsker(answers: string[]): Asker & { questions: string[]; remarks: string[] } {
  const questions: string[] = [];
  const remarks: string[] = [];
  return {
    questions,
    remarks,
    ask: async (question) => {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) {
        throw new SfjwtError('ERR_SETUP_CANCELLED', 'script ended');
      }
      return answer;
    },
    say: (text) => remarks.push(text),
    close: () => undefined,
  };
}

function bufferIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    interactive: true,
    env: {},
  };
}

const DEFAULT_ARGS: SetupArgs = {
  'callback-url': 'http://localhost:1717/OauthRedirect',
  'connected-app': false,
  'create-permission-set': false,
  'ip-relaxation': 'enforce',
  'generate-consumer-key': false,
  'cert-format': 'pem',
  'api-version': '62.0',
  'project-dir': '.',
  manifest: 'manifest/package.xml',
  'target-org': 'jwt-setup',
  yes: false,
  force: false,
  json: false,
};

describe('setup questions', () => {
  it('asks for every missing setting, with defaults', async () => {
    const asker = scriptedAsker(['', 'Nightly Export', 'ops@example.com', 's', 'Integration User', 'int@example.com', '', '']);
    const answers = await askSetupQuestions(asker, {});
    expect(answers).to.deep.equal({
      certPath: 'certs/server.crt',
      label: 'Nightly Export',
      contactEmail: 'ops@example.com',
      orgType: 'sandbox',
      profiles: ['Integration User'],
      permissionSets: [],
      username: 'int@example.com',
      outputDir: 'force-app/main/default',
      steps: 'deploy',
    });
    expect(asker.questions[0]).to.include('[certs/server.crt]');
    expect(asker.questions[1]).to.include('[JWT Integration]');
  });

  it('asks only for what the options left out', async () => {
    const asker = scriptedAsker(['ops@example.com']);
    const answers = await askSetupQuestions(asker, {
      certPath: 'a.crt',
      label: 'L',
      orgType: 'production',
      profiles: ['P'],
      username: 'u@example.com',
      outputDir: 'out',
      steps: 'manual',
    });
    expect(asker.questions).to.have.length(1);
    expect(answers.contactEmail).to.equal('ops@example.com');
  });

  it('asks for a permission set', async () => {
    const asker = scriptedAsker(['', 'JWT_Access']);
    const answers = await askSetupQuestions(asker, {
      certPath: 'a.crt', label: 'L', contactEmail: 'a@example.com', orgType: 'production',
      username: 'u@example.com', outputDir: 'out', steps: 'deploy',
    });
    expect(answers.profiles).to.deep.equal([]);
    expect(answers.permissionSets).to.deep.equal(['JWT_Access']);
  });

  it('retries invalid replies three times', async () => {
    const asker = scriptedAsker(['not-an-email', 'ops@example.com']);
    expect(await askQuestion(asker, 'Email', { validate: (answer) => (answer.includes('@') ? undefined : 'bad') })).to.equal(
      'ops@example.com',
    );
    expect(asker.remarks).to.deep.equal(['  bad']);
    const stubborn = scriptedAsker(['x', 'y', 'z']);
    try {
      await askQuestion(stubborn, 'Org type', { validate: () => 'Answer production or sandbox.' });
      expect.fail('askQuestion accepted three invalid answers');
    } catch (error) {
      expect((error as SfjwtError).code).to.equal('ERR_SETTING_INVALID');
      expect((error as SfjwtError).message).to.include('Answer production or sandbox.');
    }
  });

  it('reads readline; cancels at end', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const asker = createReadlineAsker(input, output);
    const first = asker.ask('Label: ');
    input.write('Nightly Export\n');
    expect(await first).to.equal('Nightly Export');
    const second = asker.ask('Email: ');
    input.end();
    try {
      await second;
      expect.fail('the question resolved after end of input');
    } catch (error) {
      expect((error as SfjwtError).code).to.equal('ERR_SETUP_CANCELLED');
    }
    asker.close();
  });

  it('cancels on Ctrl+C', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const asker = createReadlineAsker(input, new PassThrough());
    const question = asker.ask('Label: ');
    input.write('\u0003');
    try {
      await question;
      expect.fail('the question resolved after Ctrl+C');
    } catch (error) {
      expect((error as SfjwtError).code).to.equal('ERR_SETUP_CANCELLED');
    }
  });

  it('writes files from terminal replies', async () => {
    const temp = await makeTempDir('sfjwt-setup-prompt-');
    try {
      const io = bufferIo();
      const asker = scriptedAsker(['Prompted App', 'ops@example.com', '', 'Integration User', '', '', 'manual']);
      const code = await runSetupCommand(
        { ...DEFAULT_ARGS, cert: fixturePath('keys', 'pkcs8.crt'), 'project-dir': temp.dir },
        io,
        asker,
      );
      expect(code).to.equal(0);
      const header = await readFile(join(temp.dir, 'force-app/main/default/externalClientApps/Prompted_App.eca-meta.xml'), 'utf8');
      expect(header).to.include('<label>Prompted App</label>');
      expect(io.out.join('')).to.include('New External Client App');
    } finally {
      await temp.remove();
    }
  });
});
