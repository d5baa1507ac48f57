/**
 * What a route module's `handle` tells the HTTP layer. A route whose action takes files exports
 * `handle = acceptsUploads`, and its requests get the larger body limit (UPLOAD_LIMIT_BYTES)
 * whichever URL form they come in (see server/upload-routes.ts). Client-safe: no server code.
 */
export type RouteHandle = { acceptsUploads?: boolean };

export const acceptsUploads = { acceptsUploads: true } as const satisfies RouteHandle;
