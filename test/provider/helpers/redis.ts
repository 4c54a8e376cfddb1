import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

import { Redis } from 'ioredis';

/** A Redis server for tests: the one named by SFJWT_TEST_REDIS_URL, or a private one. */
export interface TestRedis {
  url: string;
  /** A fresh key prefix, so tests sharing one server never see each other's keys. */
  prefix(): string;
  stop(): Promise<void>;
}

/**
 * Returns the Redis of SFJWT_TEST_REDIS_URL and fails when it does not reply
 * to PING. Without that variable, starts a private redis-server on a random
 * loopback port and stops it in `stop()`.
 */
export async function useTestRedis(): Promise<TestRedis> {
  const configured = process.env.SFJWT_TEST_REDIS_URL;
  if (configured !== undefined && configured !== '') {
    await ping(configured);
    return { url: configured, prefix: newPrefix, stop: async () => undefined };
  }
  return startPrivateRedis();
}

async function startPrivateRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, child);
  return {
    url,
    prefix: newPrefix,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with code ${child.exitCode}`);
    }
    try {
      await ping(url);
      return;
    } catch {
      await delay(100);
    }
  }
  throw new Error(`redis-server at ${url} did not answer PING within 5 s`);
}

async function ping(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`Redis at ${url} is unreachable: ${(error as Error).message}`);
  } finally {
    client.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function newPrefix(): string {
  return `sfjwt-test-${randomBytes(6).toString('hex')}:`;
}
