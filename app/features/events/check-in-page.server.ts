import QRCode from "qrcode";
import type { NetworkSubject } from "~/features/networks/rules";
import type { Actor } from "~/lib/policy";
import { getSecret } from "~/lib/secret.server";
import { attendanceSubject } from "./attendance.server";
import { attendancePolicy, CHECK_IN_CLOSES_AFTER_MS } from "./attendance-rules";
import { checkInCode, checkInLink, formatCode } from "./check-in-codes.server";
import type { EventRow, RsvpStatus } from "./events.server";
import { isAttendee, myFeedback } from "./feedback.server";

/** A person's check-in code and its QR (SVG markup made here from our own link, no input). */
export async function personalCheckIn(event: EventRow, userId: string) {
  const code = checkInCode(getSecret(), event.id, userId);
  const link = checkInLink(event.networkId, event.id, code);
  const svg = await QRCode.toString(link, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  });
  return { code: formatCode(code), svg };
}

/**
 * What the event page shows about check-in and feedback: the viewer's own code and QR while
 * they are going to a face-to-face or hybrid event that has not long ended; the feedback link
 * for attendees while the form is open; the facilitators' links.
 */
export async function loadCheckInPanel(options: {
  actor: Actor;
  network: NetworkSubject;
  event: EventRow;
  answer: RsvpStatus | null;
  now?: Date;
}) {
  const { actor, network, event, answer } = options;
  const now = options.now ?? new Date();
  const subject = attendanceSubject(network, event, now);
  const isOver = now.getTime() > event.endsAt.getTime() + CHECK_IN_CLOSES_AFTER_MS;
  const showsCode =
    actor !== null &&
    answer === "going" &&
    event.kind !== "online" &&
    event.cancelledAt === null &&
    !isOver;
  const attended = actor ? await isAttendee(event.id, actor.id) : false;
  const mayGiveFeedback =
    actor !== null && attendancePolicy.can(actor, "giveFeedback", { ...subject, attended });
  return {
    myCode: showsCode && actor ? await personalCheckIn(event, actor.id) : null,
    feedback: mayGiveFeedback && actor ? { given: !!(await myFeedback(event.id, actor.id)) } : null,
    canCheckIn: attendancePolicy.can(actor, "checkIn", subject),
    canSeeResults: attendancePolicy.can(actor, "seeResults", subject),
  };
}
