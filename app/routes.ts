import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  // The layout catches errors below the root, where the page language is known.
  layout("routes/layout.tsx", [
    index("routes/home.tsx"),
    route("signup", "routes/signup.tsx"),
    route("signin", "routes/signin.tsx"),
    route("signout", "routes/signout.tsx"),
    route("verify-email", "routes/verify-email.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password", "routes/reset-password.tsx"),
    route("onboarding/profile", "routes/onboarding-profile.tsx", { id: "onboarding-profile" }),
    route("onboarding/organisation", "routes/onboarding-organisation.tsx"),
    route("settings/profile", "routes/onboarding-profile.tsx", { id: "settings-profile" }),
    route("settings/account", "routes/settings-account.tsx"),
    route("people", "routes/people.tsx"),
    route("people/:id", "routes/person.tsx"),
    route("organisations", "routes/organisations.tsx"),
    route("organisations/:id", "routes/organisation.tsx"),
    route("organisations/:id/edit", "routes/organisation-edit.tsx"),
    route("admin/users", "routes/admin-users.tsx"),
    route("media/photos/:file", "routes/media-photo.ts"),
    route("locale", "routes/locale.tsx"),
    route("vocabularies", "routes/vocabularies.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
