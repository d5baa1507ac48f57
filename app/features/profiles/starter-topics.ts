/**
 * The topics offered as one-tap chips on the short onboarding step: what owners most often ask
 * for in the consortium's needs audits (selling online, social media, bookkeeping, pricing,
 * funding, data protection…). Every other topic stays one fold away and in the full editor.
 */
export const starterTopics = [
  "online-shop",
  "social-media-marketing",
  "website-building",
  "bookkeeping-basics",
  "pricing",
  "digital-payments",
  "customer-service",
  "public-funding-grants",
  "export-internationalisation",
  "gdpr-for-small-business",
  "ai-tools",
  "time-management",
] as const;
