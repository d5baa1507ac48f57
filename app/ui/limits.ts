import { useRouteLoaderData } from "react-router";
import type { RootData } from "~/root";

/** The upload limit in MB, as configured on the server (for hints next to file fields). */
export function useUploadLimitMb(): number {
  return useRouteLoaderData<RootData>("root")?.uploadLimitMb ?? 5;
}
