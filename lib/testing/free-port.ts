// A TCP port nothing listens on now: bound on 127.0.0.1 with port 0 (the kernel's choice), then released. For a
// server a test or a bench starts on it, or for an address that must refuse connections.
import { createServer, type AddressInfo } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
