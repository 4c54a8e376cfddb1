import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP proxy that records each request body before passing it on. */
export interface CaptureProxy {
  url: string;
  bodies: string[];
  close: () => Promise<void>;
}

/** Starts a proxy in front of `targetUrl` that records every request body it forwards. */
export async function startCaptureProxy(targetUrl: string): Promise<CaptureProxy> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      void fetch(`${targetUrl}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        ...(request.method === 'POST' ? { body } : {}),
      }).then(async (upstream) => {
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
        response.end(await upstream.text());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
