import { describe, expect, it } from "vitest";
import { demoLanguageOf } from "./demo-language";
import { demoNetworks } from "./demo-networks";

/** Every text of a demo network: posts, comments, replies, topics (title and body) and replies. */
function textsOf(network: (typeof demoNetworks)[number]) {
  const texts: string[] = [];
  for (const post of network.posts) {
    texts.push(post.body);
    for (const comment of post.comments ?? []) {
      texts.push(comment.body, ...(comment.replies ?? []).map((r) => r.body));
    }
  }
  for (const topic of network.forumTopics) {
    texts.push(`${topic.title}\n${topic.body}`, ...topic.replies.map((r) => r.body));
  }
  return texts;
}

describe("demoLanguageOf", () => {
  it("gives every demo text one of its network's languages", () => {
    for (const network of demoNetworks) {
      for (const text of textsOf(network)) {
        expect(network.languages).toContain(demoLanguageOf(text, network.languages));
      }
    }
  });

  it("tells the bilingual networks' languages apart, and shows each of them", () => {
    const seen = new Map<string, Set<string>>();
    for (const network of demoNetworks.filter((n) => n.languages.length > 1)) {
      const languages = new Set(textsOf(network).map((t) => demoLanguageOf(t, network.languages)));
      seen.set(network.key, languages);
    }
    expect(seen.get("cash-flow-clinic-online")).toEqual(new Set(["en", "de"]));
    expect(seen.get("green-workshops-dach-nordic")).toEqual(new Set(["en", "de"]));
    expect(seen.get("olive-vine-exporters")).toEqual(new Set(["en", "el"]));
    expect(seen.get("nicosia-cyber-safe-circle")).toEqual(new Set(["el", "en"]));
  });

  it("reads known texts as what they are", () => {
    expect(demoLanguageOf("Καλώς ήρθατε! Welcome.", ["en", "el"])).toBe("el");
    expect(demoLanguageOf("Welcome to the group, everyone. Καλώς ήρθατε!", ["en", "el"])).toBe(
      "en",
    );
    expect(demoLanguageOf("Danke, endlich verstehe ich es.", ["en", "de"])).toBe("de");
    expect(demoLanguageOf("Thanks, that is what we do with the offcuts.", ["en", "de"])).toBe("en");
    expect(demoLanguageOf("Tervetuloa!", ["fi"])).toBe("fi");
  });
});
