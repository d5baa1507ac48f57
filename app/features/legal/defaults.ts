import type { LegalPageKind } from "./schema";

/**
 * The texts Synergy ships for an installation whose admin has not written their own (English;
 * other languages show them with a "not yet translated" note). Written here for Synergy, not
 * copied: they say what the software keeps and why, and an installation adapts them under
 * Admin → Legal pages. `{contact}` and `{site}` are filled in when shown.
 */
export const defaultLegalTexts: Record<LegalPageKind, string> = {
  privacy: `This notice explains what personal data this Synergy installation ({site}) keeps about you, why, for how long, and what you can do about it. The organisation that runs this installation is responsible for your data (the "controller"). You can reach it at {contact}.

### What we keep

- **Your account:** your email address, your name, a hash of your password (never the password itself), your role (business owner or educator), your language and time zone, and when you confirmed your email.
- **Your profile:** what you choose to fill in: a headline, a short biography, a photo, your country and region, the languages you speak, the topics you can help with and want to learn, and the organisations you belong to. You choose for each of these who may see it.
- **What you write:** posts, comments, reactions, discussions, messages to other members, training needs, learning resources, opportunities and event replies, with the files you attach.
- **Sessions:** for each device you are signed in on, the browser's description and the network address it used, and when it was last active, so that you can see and end your sessions under Account settings.
- **Logs:** the server writes a line for each request (time, address requested, network address, how long it took) to find faults and stop abuse.
- **Emails:** the messages we send you (confirmation, password reset, notifications and digests) and your choices about which ones you want.

We do not sell your data, show advertising, or use tracking cookies. The only cookies are the ones that keep you signed in and protect forms against forgery.

### Why we keep it (legal basis)

- To run the service you signed up for: your account, profile, what you write and your sessions (Article 6(1)(b) GDPR, performance of a contract).
- To keep the service safe and working: logs, rate limits and moderation records (Article 6(1)(f) GDPR, legitimate interest).
- Optional emails such as digests are sent only as long as you want them (Article 6(1)(a) GDPR, consent); you can turn them off under Notification settings or with the link in each email.

### How long we keep it

- Your account, profile and what you write: as long as your account exists.
- Sessions: until you sign out or at most 30 days after your last sign-in.
- Links for confirming an email or resetting a password: one day after they expire or are used.
- Server logs: as the installation's operator configures them; we recommend no longer than 30 days.
- When you delete your account, your profile and contact details are removed; what you wrote in shared spaces may stay, shown as written by a former member.

### Who can see it

Other members see your profile fields as you chose. People who are not signed in see only what the installation's admin allows (by default nothing about members). The installation's admins and the facilitators of your networks can see what they need to run them. We pass data to others only where the law requires it, or to the companies that host this installation and deliver its email on our behalf.

### Your rights

You have the right to see the data we keep about you, to have it corrected or deleted, to receive it in a portable form, to restrict or object to its use, and to withdraw a consent at any time. You can change most of it yourself under your profile and account settings. For anything else, write to {contact}. You may also complain to the data-protection authority of your country.

### Changes

When this notice changes, the date at the top changes with it.`,

  terms: `These terms apply to everyone who uses this Synergy installation ({site}). By creating an account you accept them. Questions: {contact}.

### What Synergy is for

Synergy brings together owners of small businesses and educators in small networks, to share what they need to learn, to learn from each other and to find partners. Use it for that.

### Your account

- Give your real name and an email address you read. One account per person.
- Keep your password to yourself. If you think someone else used your account, change your password and sign out your other sessions under Account settings.

### What you write

- You remain the owner of what you write. You allow this installation to show it to the people you shared it with, for as long as it stays on the service.
- Learning resources you publish are shared under the open licence shown when you publish them.
- Do not post anything unlawful, hateful, harassing, misleading, or that belongs to someone else without permission; do not send advertising nobody asked for.

### Moderation

Facilitators and admins may hide or remove content and suspend accounts that break these terms. If you see something wrong, report it.

### No warranty

The service is provided as it is, without a promise that it is always available or free of errors. Advice shared by members is their own.

### Ending

You can stop using Synergy and delete your account at any time. We may close an account that seriously or repeatedly breaks these terms.

### Changes

When these terms change, the date at the top changes with it; for important changes we tell members in advance.`,

  imprint: `This Synergy installation ({site}) is run by the organisation named below.

### Contact

Email: {contact}

The installation's admin has not yet filled in the organisation's name, postal address and, where the law asks for them, its register and VAT numbers. An admin can do that under Admin → Legal pages.

### Software

Synergy is open-source software.`,
};
