import { matchRoutes, type RouteObject, type ServerBuild } from "react-router";
import type { RouteHandle } from "~/lib/uploads";

/**
 * The page path a request is for. With JavaScript, React Router posts forms to the same URL
 * with `.data` added (`/networks/x.data`), and to `/_root.data` for `/`; without it, to the page
 * itself. Mirrors React Router's own normalisation, so both forms reach the same route.
 */
export function pagePath(pathname: string): string {
  let page = pathname;
  if (page === "/_root.data") return "/";
  if (page.endsWith(".data")) page = page.slice(0, -".data".length);
  if (page.length > 1 && page.endsWith("/")) page = page.slice(0, -1);
  return page || "/";
}

/**
 * Builds, once per server build, the test for "does this request post to a route that takes
 * uploads": the request is matched to its route the way React Router matches it (the page path,
 * and an index route only when the query has a bare `index`), and the route's module says so in
 * its `handle` (`acceptsUploads`). No second list of paths to keep in step with app/routes.ts.
 */
export function uploadRouteMatcher(routes: ServerBuild["routes"]): (url: URL) => boolean {
  const all = Object.values(routes).filter((r) => r !== undefined);
  const takesUploads = new Set(
    all
      .filter((r) => (r.module.handle as RouteHandle | undefined)?.acceptsUploads)
      .map((r) => r.id),
  );
  const childrenOf = (parentId: string | undefined): RouteObject[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, path: r.path, index: true }
          : { id: r.id, path: r.path, children: childrenOf(r.id) },
      );
  const tree = childrenOf(undefined);
  return (url) => {
    const matches = matchRoutes(tree, pagePath(url.pathname));
    if (!matches?.length) return false;
    let target = matches[matches.length - 1].route;
    const wantsIndex = url.searchParams.getAll("index").some((v) => v === "");
    // A path's action belongs to its index route only when the form asked for it (`?index`).
    if (target.index && !wantsIndex) target = matches[matches.length - 2]?.route ?? target;
    return target.id !== undefined && takesUploads.has(target.id);
  };
}
