/**
 * The values of every enumerated column, in a module without Drizzle or server code, so that
 * forms, Zod schemas and components can import them without pulling table definitions into the
 * browser bundle. The schema uses the same lists for its column types and CHECK constraints.
 */
import { locales } from "~/features/taxonomy/types";

export const userRoles = ["owner", "educator"] as const;
export const skillKinds = ["offered", "wanted"] as const;
export const tokenPurposes = ["verify_email", "reset_password"] as const;

/** Who may see a profile field: everyone, signed-in members, or only the person. */
export type Visibility = "public" | "members" | "private";
export const profileFields = [
  "headline",
  "bio",
  "photo",
  "location",
  "languages",
  "skills",
  "organisations",
] as const;
export type ProfileField = (typeof profileFields)[number];
export type FieldVisibility = Record<ProfileField, Visibility>;

export const networkKinds = ["local", "online", "cross_border"] as const;
export const networkVisibilities = ["open", "request", "invite", "secret"] as const;
export const networkRoles = ["facilitator", "member"] as const;
/** "removed": taken out by a facilitator; kept so that a shared link cannot bring them back. */
export const networkMemberStatuses = ["pending", "active", "removed"] as const;
export const invitationKinds = ["email", "link"] as const;
export const attachmentKinds = ["image", "file"] as const;
/** The longest description (text alternative) of a photo attached to a post. */
export const MAX_ALT_TEXT_LENGTH = 300;
/**
 * The languages a post, comment, discussion topic or reply says it is written in: the six
 * interface languages, chosen by its author (decision 031).
 */
export const contentLanguages = locales;
export const reactionKinds = ["like", "celebrate", "support", "insightful", "thanks"] as const;
export const resourceKinds = ["link", "file"] as const;

export const organisationKinds = ["enterprise", "provider"] as const;
export const organisationRoles = ["admin", "member"] as const;
export const organisationMemberStatuses = ["pending", "active"] as const;

/** How a person wants one kind of notification by email (docs/decisions/014). */
export const deliveryChoices = ["immediately", "digest", "never"] as const;
export const digestFrequencies = ["daily", "weekly"] as const;
export const conversationKinds = ["direct", "group"] as const;
/** Where a conversation sits for one participant: inbox, a request to decide, or declined. */
export const conversationFolders = ["inbox", "requests", "declined"] as const;
export const participantStatuses = ["active", "left"] as const;
export const eventKinds = ["in_person", "online", "hybrid"] as const;
/** An answer to an event; "waiting" is a "going" that found the event full (decision 017). */
export const rsvpStatuses = ["going", "waiting", "maybe", "not_going"] as const;
/** How someone's presence at an event was recorded (decision 017, check-in). */
export const attendanceMethods = ["qr", "code", "manual", "walk_in", "online"] as const;
/** What a person wants after an event (the feedback form's choice). */
export const feedbackNextSteps = [
  "same_again",
  "go_deeper",
  "new_topic",
  "one_to_one",
  "nothing",
] as const;
/** How soon a need must be met (issue 10); also the weight of a need or a "me too" (decision 018). */
export const needUrgencies = ["month", "quarter", "year"] as const;
/** Ways of learning a person accepts and an offer provides. */
export const learningFormats = [
  "face_to_face",
  "online_live",
  "self_paced",
  "peer_session",
] as const;
export const learningTimes = ["daytime", "evenings", "weekends"] as const;
/** The longest a person can sit for one session. */
export const learningSittings = ["10_minutes", "hour", "half_day", "day"] as const;
export const needStatuses = ["open", "satisfied", "closed"] as const;
export const offerStatuses = ["open", "withdrawn"] as const;
/** What an educator answers a need with: an offer, an event, or (issue 11) a learning resource. */
export const needAnswerKinds = ["offer", "event", "resource"] as const;
/** A needs audit's life (issue 10): built as a draft, answered while open, then closed. */
export const auditStatuses = ["draft", "open", "closed"] as const;
/** A taxonomy question (tick topics, with urgency and formats) or an open, free-text one. */
export const auditQuestionKinds = ["topics", "open"] as const;

/** A learning resource's life (issue 11): written, sent for review, approved, out, taken back. */
export const resourceStatuses = [
  "draft",
  "submitted",
  "approved",
  "published",
  "withdrawn",
] as const;
/** What a reviewer says about one version of a resource. */
export const resourceReviewDecisions = ["comment", "changes_requested", "approved"] as const;
/** Licences a resource can carry (SPDX identifiers); CC BY-SA 4.0 by default. */
export const resourceLicences = [
  "CC-BY-SA-4.0",
  "CC-BY-4.0",
  "CC0-1.0",
  "CC-BY-NC-SA-4.0",
  "CC-BY-ND-4.0",
  "all-rights-reserved",
] as const;
/** Files attached to a resource: pictures shown in its text, worksheets to download. */
export const resourceFileKinds = ["image", "worksheet"] as const;
export const courseStatuses = ["draft", "published", "archived"] as const;
/** A lesson is a learning resource to work through, or a quiz scored on the server. */
export const lessonKinds = ["resource", "quiz"] as const;
/** When an enrolment counts as completed. */
export const completionRules = ["all_lessons", "all_lessons_and_quizzes"] as const;
export const enrolmentStatuses = ["active", "completed", "left"] as const;

/** Partnering (issue 12, decision 023): what an opportunity is. */
export const opportunityKinds = ["offer", "request"] as const;
export const opportunityAreas = ["business", "technology", "service"] as const;
/** The partnerships an opportunity seeks (the Enterprise Europe Network's list, plus learning). */
export const partnershipTypes = [
  "distribution",
  "supplier",
  "subcontracting",
  "joint_venture",
  "franchise",
  "licensing",
  "public_tender",
  "knowledge_exchange",
  "learn_together",
] as const;
/** An opportunity's life: written, sent for review, out (until it expires), or taken back. */
export const opportunityStatuses = ["draft", "submitted", "published", "withdrawn"] as const;
export const interestStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;
/** Where an accepted introduction has got to, set by either side. */
export const introductionStages = ["introduced", "met", "agreement", "active", "ended"] as const;
export const meetingStatuses = ["proposed", "accepted", "declined", "cancelled"] as const;
export const bookingStatuses = ["booked", "cancelled"] as const;

/** Where a "download my data" archive stands (docs/decisions/027). */
export const dataExportStatuses = ["queued", "running", "ready", "failed"] as const;
export type DataExportStatus = (typeof dataExportStatuses)[number];
/** The installation's legal pages (issue 13): privacy notice, terms of use, imprint. */
export const legalPageKinds = ["privacy", "terms", "imprint"] as const;
/** What signed-out visitors may see of people (decision 026); "members" shows them nothing. */
export const visitorPeopleChoices = ["members", "names", "profiles"] as const;
