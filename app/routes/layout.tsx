import { Outlet } from "react-router";
import { ErrorPage } from "~/ui/error-page";

export default function Layout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
