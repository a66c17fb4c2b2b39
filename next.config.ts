import type { NextConfig } from "next";
import { NEXT_HEADER_RULES } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native or worker-side packages stay outside the server bundle and load from node_modules at run time.
  serverExternalPackages: ["onnxruntime-node", "pg", "@prisma/adapter-pg", "bullmq", "ioredis", "onnx-proto", "protobufjs", "@resvg/resvg-js", "pdfkit", "svg-to-pdfkit"],
  poweredByHeader: false,
  // CSP, frame and sniffing rules on every page and API answer (lib/http/security-headers.ts says why these).
  headers: async () => NEXT_HEADER_RULES,
  // `npm run lint` type-checks the whole project (CI runs it before the tests); checking again in every build
  // would only slow down `npm start`.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // Board pages are regenerated in the background (ISR, app/tasks/[id]/page.tsx). Kept in memory only, so a
    // restarted server, or one pointed at another database (e2e, bench:*), never shows a page made before it.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
