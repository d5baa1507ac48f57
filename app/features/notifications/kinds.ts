import type { deliveryChoices, digestFrequencies } from "~/db/enums";
import type { MessageKey } from "~/i18n/i18n";

export type DeliveryChoice = (typeof deliveryChoices)[number];
export type DigestFrequency = (typeof digestFrequencies)[number];

/**
 * Every kind of notification. Adding a kind is one step: add an entry here (its message key in
 * all six catalogues, where it links, its email default) and call `notify()` where it happens.
 * The message of a kind is shown for a group of rows and gets the values
 * `{actor}` (the newest actor's name), `{others}` (how many more people), `{title}` and
 * `{network}` (from the row's data, empty when absent), and the fields of the newest row's data
 * that the kind names in `values` (a number stays a number, for ICU plurals).
 */
export type NotificationKindDefinition = {
  /** The grouped line, e.g. "{actor} and {others} others commented on your post". */
  message: MessageKey;
  /** Where the line leads (a path inside the app), from the newest row's data. */
  link: (data: NotificationData) => string;
  /**
   * Email default when the person made no choice. Chosen so that a member of five busy
   * networks gets at most one mail a day: only what needs the person's answer goes at once.
   */
  defaultEmail: DeliveryChoice;
  /**
   * Fields of the newest row's data the message also gets under their own names, e.g.
   * `["count", "organisation"]` for "{count, plural, …} for {organisation}". The four values
   * above keep their meaning whatever a kind names here.
   */
  values?: readonly string[];
};

export type NotificationData = Record<string, string | number | boolean | null>;

const str = (data: NotificationData, key: string) => String(data[key] ?? "");

export const notificationKinds = {
  mention: {
    message: "notifications.kind.mention",
    link: (d) => str(d, "path"),
    defaultEmail: "digest",
  },
  reply: {
    message: "notifications.kind.reply",
    link: (d) => str(d, "path"),
    defaultEmail: "digest",
  },
  comment: {
    message: "notifications.kind.comment",
    link: (d) => str(d, "path"),
    defaultEmail: "digest",
  },
  reactions: {
    message: "notifications.kind.reactions",
    link: (d) => str(d, "path"),
    defaultEmail: "never",
  },
  "join.request": {
    message: "notifications.kind.joinRequest",
    link: (d) => `/networks/${str(d, "networkId")}/members`,
    defaultEmail: "immediately",
  },
  "join.decided": {
    message: "notifications.kind.joinDecided",
    link: (d) => `/networks/${str(d, "networkId")}`,
    defaultEmail: "immediately",
  },
  invitation: {
    message: "notifications.kind.invitation",
    link: (d) => str(d, "path"),
    defaultEmail: "immediately",
  },
  "removal.lifted": {
    message: "notifications.kind.removalLifted",
    link: (d) => `/networks/${str(d, "networkId")}`,
    defaultEmail: "digest",
  },
  "member.joined": {
    message: "notifications.kind.memberJoined",
    link: (d) => `/networks/${str(d, "networkId")}/members`,
    defaultEmail: "digest",
  },
  "message.request": {
    message: "notifications.kind.messageRequest",
    link: (d) => str(d, "path"),
    defaultEmail: "immediately",
  },
  message: {
    message: "notifications.kind.message",
    link: (d) => str(d, "path"),
    defaultEmail: "digest",
  },
  "event.created": {
    message: "notifications.kind.eventCreated",
    link: (d) => `/networks/${str(d, "networkId")}/events/${str(d, "eventId")}`,
    defaultEmail: "digest",
  },
  "event.changed": {
    message: "notifications.kind.eventChanged",
    link: (d) => `/networks/${str(d, "networkId")}/events/${str(d, "eventId")}`,
    defaultEmail: "immediately",
  },
  "event.cancelled": {
    message: "notifications.kind.eventCancelled",
    link: (d) => `/networks/${str(d, "networkId")}/events/${str(d, "eventId")}`,
    defaultEmail: "immediately",
  },
  "event.promoted": {
    message: "notifications.kind.eventPromoted",
    link: (d) => `/networks/${str(d, "networkId")}/events/${str(d, "eventId")}`,
    defaultEmail: "immediately",
  },
  "event.reminder": {
    message: "notifications.kind.eventReminder",
    link: (d) => `/networks/${str(d, "networkId")}/events/${str(d, "eventId")}`,
    defaultEmail: "immediately",
  },
  "event.feedback": {
    message: "notifications.kind.eventFeedback",
    link: (d) => `/networks/${str(d, "networkId")}/events/${str(d, "eventId")}/feedback`,
    defaultEmail: "immediately",
  },
  "need.me_too": {
    message: "notifications.kind.needMeToo",
    link: (d) => `/needs/${str(d, "needId")}`,
    defaultEmail: "digest",
  },
  "need.new_nearby": {
    message: "notifications.kind.needNewNearby",
    link: (d) => `/needs/${str(d, "needId")}`,
    defaultEmail: "digest",
  },
  "audit.invited": {
    message: "notifications.kind.auditInvited",
    link: (d) => `/audits/${str(d, "auditId")}`,
    defaultEmail: "immediately",
  },
  // An educator answered a need ("I can run this"): its owner and the "me too" people.
  "need.answered": {
    message: "notifications.kind.needAnswered",
    link: (d) => `/needs/${str(d, "needId")}`,
    defaultEmail: "immediately",
  },
  // A completed course's certificate and Open Badges credential (app/features/credentials/).
  "badge.issued": {
    message: "notifications.kind.badgeIssued",
    link: (d) => `/credentials/${str(d, "credentialId")}`,
    defaultEmail: "immediately",
  },
  // Learning resources (issue 11).
  "resource.review_requested": {
    message: "notifications.kind.resourceReviewRequested",
    link: (d) => `/learn/${str(d, "resourceId")}`,
    defaultEmail: "digest",
  },
  "resource.reviewed": {
    message: "notifications.kind.resourceReviewed",
    link: (d) => `/learn/${str(d, "resourceId")}`,
    defaultEmail: "immediately",
  },
  "resource.published": {
    message: "notifications.kind.resourcePublished",
    link: (d) => `/learn/${str(d, "resourceId")}`,
    defaultEmail: "digest",
  },
  // The learner completed a course (issue 11); the certificate follows.
  "course.completed": {
    message: "notifications.kind.courseCompleted",
    link: (d) => `/courses/${str(d, "courseId")}`,
    defaultEmail: "immediately",
  },
  // Partnering opportunities (issue 12, app/features/partnering/).
  "opportunity.review_requested": {
    message: "partnering.notify.reviewRequested",
    link: () => "/partnering/review",
    defaultEmail: "digest",
  },
  "opportunity.published": {
    message: "partnering.notify.published",
    link: (d) => `/partnering/${str(d, "opportunityId")}`,
    defaultEmail: "immediately",
  },
  "opportunity.returned": {
    message: "partnering.notify.returned",
    link: (d) => `/partnering/${str(d, "opportunityId")}`,
    defaultEmail: "immediately",
  },
  "opportunity.expiring": {
    message: "partnering.notify.expiring",
    link: (d) => `/partnering/${str(d, "opportunityId")}#renew`,
    defaultEmail: "immediately",
  },
  // Partnering (issue 12): expressions of interest, introductions and their stories.
  "interest.received": {
    message: "notifications.kind.interestReceived",
    link: (d) => `/partnering/${str(d, "opportunityId")}/interests`,
    defaultEmail: "immediately",
  },
  "interest.accepted": {
    message: "notifications.kind.interestAccepted",
    link: (d) => `/partnering/introductions/${str(d, "interestId")}`,
    defaultEmail: "immediately",
  },
  "interest.declined": {
    message: "notifications.kind.interestDeclined",
    link: (d) => `/partnering/${str(d, "opportunityId")}`,
    defaultEmail: "digest",
  },
  "introduction.updated": {
    message: "notifications.kind.introductionUpdated",
    link: (d) => `/partnering/introductions/${str(d, "interestId")}`,
    defaultEmail: "digest",
  },
  "story.written": {
    message: "notifications.kind.storyWritten",
    link: (d) => `/partnering/introductions/${str(d, "interestId")}`,
    defaultEmail: "immediately",
  },
  "story.published": {
    message: "notifications.kind.storyPublished",
    link: (d) => `/partnering/introductions/${str(d, "interestId")}`,
    defaultEmail: "digest",
  },
  // One-to-one meetings and partnering days (issue 12 item 4, decision 023).
  "meeting.proposed": {
    message: "notifications.kind.meetingProposed",
    link: (d) => `/meetings/${str(d, "meetingId")}`,
    defaultEmail: "immediately",
  },
  "meeting.accepted": {
    message: "notifications.kind.meetingAccepted",
    link: (d) => `/meetings/${str(d, "meetingId")}`,
    defaultEmail: "immediately",
  },
  "meeting.declined": {
    message: "notifications.kind.meetingDeclined",
    link: (d) => `/meetings/${str(d, "meetingId")}`,
    defaultEmail: "immediately",
  },
  "meeting.cancelled": {
    message: "notifications.kind.meetingCancelled",
    link: (d) => `/meetings/${str(d, "meetingId")}`,
    defaultEmail: "immediately",
  },
  "partnering.booked": {
    message: "notifications.kind.partneringBooked",
    link: (d) => `/events/${str(d, "eventId")}/partnering/agenda`,
    defaultEmail: "immediately",
  },
  "partnering.cancelled": {
    message: "notifications.kind.partneringCancelled",
    link: (d) => `/events/${str(d, "eventId")}/partnering/agenda`,
    defaultEmail: "immediately",
  },
  // The weekly "new partnering matches" line (issue 12, app/features/partnering/weekly-matches).
  "partnering.new_matches": {
    message: "notifications.kind.partneringNewMatches",
    link: (d) => `/partnering/matches?organisation=${encodeURIComponent(str(d, "organisationId"))}`,
    defaultEmail: "digest",
    values: ["count", "organisation"],
  },
} satisfies Record<string, NotificationKindDefinition>;

export type NotificationKind = keyof typeof notificationKinds;

export const notificationKindNames = Object.keys(notificationKinds) as NotificationKind[];

/**
 * The values a kind's message gets from the newest row's data besides actor, others, title and
 * network (its `values`): strings and numbers as they are, anything else (absent) as "".
 */
export function messageValuesOf(
  kind: NotificationKind,
  data: NotificationData,
): Record<string, string | number> {
  const definition: NotificationKindDefinition = notificationKinds[kind];
  const values: Record<string, string | number> = {};
  for (const name of definition.values ?? []) {
    const value = data[name];
    values[name] = typeof value === "number" || typeof value === "string" ? value : "";
  }
  return values;
}

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value);
}

/** The digest schedule of a person who chose none: daily at 08:00 in their own time zone. */
export const DIGEST_DEFAULTS: { frequency: DigestFrequency; hour: number; weekday: number } = {
  frequency: "daily",
  hour: 8,
  weekday: 1,
};
