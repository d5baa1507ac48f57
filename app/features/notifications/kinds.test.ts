import { describe, expect, it } from "vitest";
import { catalogues } from "~/i18n/catalogue.server";
import { notificationKindNames, notificationKinds } from "./kinds";

describe("notification kinds", () => {
  // The email settings page, the unsubscribe page and every mail's footer name a kind by
  // notifications.kindName.<kind>; a kind without one showed its raw key there.
  it.each(Object.keys(catalogues))("each have a name and a message in %s", (language) => {
    const catalogue: Record<string, string> = catalogues[language as keyof typeof catalogues];
    const missing = notificationKindNames.flatMap((kind) => [
      ...(catalogue[`notifications.kindName.${kind}`] ? [] : [`notifications.kindName.${kind}`]),
      ...(catalogue[notificationKinds[kind].message] ? [] : [notificationKinds[kind].message]),
    ]);
    expect(missing).toEqual([]);
  });
});
