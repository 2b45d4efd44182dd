// Why a server could not start, in one line a person can act on (the CLI prints it without a stack).
export type StartErrorCode = 'ERR_PORT_IN_USE' | 'ERR_LISTEN' | 'ERR_DATABASE' | 'ERR_ADMIN_PASSWORD' | 'ERR_DEMO_PASSWORD';

export class StartError extends Error {
  override readonly name = 'StartError';

  constructor(readonly code: StartErrorCode, message: string) {
    super(message);
  }
}

/** A listen() failure as a StartError (EADDRINUSE, EACCES, EADDRNOTAVAIL, ENOTFOUND), or the error as it was. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new StartError('ERR_PORT_IN_USE', `port ${port} on ${host} is already in use: stop what is using it or choose another port with --port (0: any free port)`);
  if (code === 'EACCES') return new StartError('ERR_LISTEN', `not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges): choose another port with --port`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new StartError('ERR_LISTEN', `cannot listen on host ${host} (${code}): give an address of this machine with --host`);
  return error;
}
