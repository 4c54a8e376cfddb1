import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SfjwtError } from '../errors/sfjwt-error.js';

/**
 * Starts `server` on `host:port` and returns the bound port. A taken port
 * raises ERR_PORT_IN_USE; an empty host (which Node reads as every
 * interface) or one that is not an address of this machine raises
 * ERR_SETTING_INVALID.
 */
export function listen(server: Server, port: number, host: string): Promise<number> {
  if (host.trim() === '') {
    return Promise.reject(invalidHost(host, 'is empty, which would listen on every interface'));
  }
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new SfjwtError('ERR_PORT_IN_USE', `Port ${port} on ${host} is already in use.`, { details: { port, host }, cause: error }));
        return;
      }
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
        reject(invalidHost(host, `is not an address of this machine (${error.code})`));
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

function invalidHost(host: string, problem: string): SfjwtError {
  return new SfjwtError('ERR_SETTING_INVALID', `--host "${host}" ${problem}.`, {
    details: { setting: 'host' },
    actions: ['Leave --host unset for 127.0.0.1, or pass an address of this machine.'],
  });
}
