import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SfjwtError } from '../errors/sfjwt-error.js';

/** Starts `server` on `host:port` and returns the bound port; a taken port raises ERR_PORT_IN_USE. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new SfjwtError('ERR_PORT_IN_USE', `Port ${port} on ${host} is already in use.`, { details: { port, host }, cause: error }));
        return;
      }
      reject(error);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops `server`, closing idle and open keep-alive connections so the returned promise settles. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
