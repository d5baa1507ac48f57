import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  appDirectory: "app",
  // The whole route manifest is one cacheable file (≈ 4.5 KB gzipped) instead of a partial
  // manifest computed for every request (route matching for each parent path) and printed into
  // every page (≈ 4.7 KB of its HTML), plus /__manifest fetches while browsing (decision 022).
  routeDiscovery: { mode: "initial" },
} satisfies Config;
