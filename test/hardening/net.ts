/** Loopback probes shared by the loopback tests and the network-namespace fixture. */
import net from 'node:net';

/** Tries a TCP connection: 'connected', 'timeout', or the error code (ECONNREFUSED…). */
export function connectResult(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 3_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(err.code ?? err.message);
    });
  });
}
