// A real HTTP server for tests of handlers that sit in front of Next.js in scripts/web-server.ts (the queue
// dashboard): the same request listener, on a free port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(handle: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(404, { "Content-Type": "text/plain" }).end("not the handler's path");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
