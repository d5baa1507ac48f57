/**
 * The benchmark scenarios: each resolves, against a running server and the scale-seeded
 * database, the requests that autocannon replays (connections rotate over the list).
 */
import type pg from "pg";
import { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD } from "../app/db/seed/scale.server";

export type BenchRequest = { path: string; headers?: Record<string, string> };

/** What a scenario may use to find its requests. */
export type BenchContext = {
  baseUrl: string;
  db: pg.Client;
  /** A session cookie of one scale member (signed in once and shared by scenarios). */
  signedInCookie(): Promise<string>;
};

export type Scenario = {
  name: string;
  description: string;
  prepare(context: BenchContext): Promise<{ requests: BenchRequest[]; note?: string }>;
  /** A sanity check on one response body, so a blank or error page is never measured. */
  expect?: (html: string) => string | null;
};

const personLinks = /href="\/people\/[0-9a-f-]{36}"/g;

function expectPeople(minimum: number) {
  return (html: string) => {
    const found = html.match(personLinks)?.length ?? 0;
    return found >= minimum ? null : `expected at least ${minimum} people, found ${found}`;
  };
}

/** The "Next page" link of a directory page, as a path with its query string. */
export function nextPageHref(html: string): string | null {
  const match = html.match(/<a href="(\?[^"]*)" rel="next"/);
  return match ? `/people${match[1].replaceAll("&amp;", "&")}` : null;
}

/** Follows "Next page" links like a reader would, so the cursor is one the app itself issued. */
async function pageOf(options: {
  baseUrl: string;
  firstPath: string;
  page: number;
  headers?: Record<string, string>;
}): Promise<string> {
  let path = options.firstPath;
  for (let page = 1; page < options.page; page++) {
    const response = await fetch(options.baseUrl + path, { headers: options.headers });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    const next = nextPageHref(await response.text());
    if (!next) throw new Error(`page ${page} of ${options.firstPath} has no "Next page" link`);
    path = next;
  }
  return path;
}

export const scenarios: Scenario[] = [
  {
    name: "home",
    description: "front page, anonymous: network counts and the six newest members",
    prepare: async () => ({ requests: [{ path: "/" }] }),
    expect: expectPeople(6),
  },
  {
    name: "people-first",
    description: "people directory, first page, anonymous, no filters",
    prepare: async () => ({ requests: [{ path: "/people" }] }),
    expect: expectPeople(24),
  },
  {
    name: "people-page-50-filtered",
    description:
      "people directory page 50, anonymous, country=DE & role=owner (cursor from 49 Next links)",
    prepare: async ({ baseUrl }) => {
      const path = await pageOf({ baseUrl, firstPath: "/people?country=DE&role=owner", page: 50 });
      return { requests: [{ path }], note: "cursor reached by following 49 Next page links" };
    },
    expect: expectPeople(24),
  },
  {
    name: "profile",
    description: "a member's profile page, anonymous, rotating over 8 fully visible profiles",
    prepare: async ({ db }) => {
      // Default visibility and an active organisation: every section of the page is filled.
      const { rows } = await db.query<{ id: string }>(`
        select u.id from users u
        where u.email_verified_at is not null and u.onboarded_at is not null
          and u.visibility = '{}'::jsonb and u.headline <> '' and u.bio <> ''
          and exists (select 1 from organisation_members om
                      where om.user_id = u.id and om.status = 'active')
        order by u.id
        limit 8`);
      if (!rows.length) throw new Error("no fully visible profile found: run npm run seed:scale");
      return { requests: rows.map((r) => ({ path: `/people/${r.id}` })) };
    },
    expect: (html) => (html.includes("<h1") ? null : "no heading on the profile page"),
  },
  {
    name: "people-first-signed-in",
    description: "people directory, first page, as a signed-in member",
    prepare: async (context) => {
      const cookie = await context.signedInCookie();
      return { requests: [{ path: "/people", headers: { cookie } }] };
    },
    expect: expectPeople(24),
  },
  {
    name: "home-signed-in",
    description:
      "front page as a signed-in member: counts, newest members, people offering what I want",
    prepare: async (context) => {
      const cookie = await context.signedInCookie();
      return { requests: [{ path: "/", headers: { cookie } }] };
    },
    expect: expectPeople(7),
  },
];

/** Finds a typical onboarded scale member and signs in through the real form (CSRF included). */
export async function signInScaleMember(baseUrl: string, db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ email: string }>(
    `select email from users
     where email like $1 and email_verified_at is not null and onboarded_at is not null
       and visibility = '{}'::jsonb
     order by id limit 1`,
    [`%@${SCALE_EMAIL_DOMAIN}`],
  );
  const email = rows[0]?.email;
  if (!email) throw new Error("no scale member to sign in as: run npm run seed:scale");
  const page = await fetch(`${baseUrl}/signin`);
  const csrf = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("csrf="));
  if (!csrf) throw new Error("GET /signin set no csrf cookie");
  const token = decodeURIComponent(csrf.slice("csrf=".length));
  const response = await fetch(`${baseUrl}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf },
    body: new URLSearchParams({ email, password: SCALE_PASSWORD, _csrf: token, next: "/" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("sid="));
  if (response.status !== 302 || !session) {
    throw new Error(`signing in as ${email} failed with status ${response.status}`);
  }
  return `${csrf}; ${session}`;
}
