import { httpError } from "~/lib/errors";

export async function loader() {
  throw httpError(404);
}

export default function NotFound() {
  return null;
}
