import { countJobs, type JobCounts, latestFailedJobs } from "~/lib/jobs.server";

/** An address shown only as much as an admin needs to recognise it: "j***@e***.org". */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${address[0]}***@${domain[0] ?? ""}***${tld}`;
}

/** Any address inside a text (an SMTP error may quote one) masked. */
export function maskEmailsIn(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, (found) => maskEmail(found));
}

export type JobQueueOverview = {
  counts: JobCounts[];
  failed: {
    id: string;
    name: string;
    /** The masked recipient of a mail job; nothing else of a job's data is shown. */
    recipient: string | null;
    error: string;
    attempts: number;
    failedAt: string;
  }[];
};

/**
 * What the admin's queue page shows: per job name the jobs waiting, running, waiting for a
 * retry, failed and completed, and the newest failures with their (masked) error. Never a
 * mail's body or subject, nor a full address.
 */
export async function loadJobQueueOverview(): Promise<JobQueueOverview> {
  const [counts, failed] = await Promise.all([countJobs(), latestFailedJobs(20)]);
  return {
    counts,
    failed: failed.map((job) => {
      const to = (job.data as { to?: unknown } | null)?.to;
      return {
        id: job.id,
        name: job.name,
        recipient: job.name === "mail.send" && typeof to === "string" ? maskEmail(to) : null,
        error: maskEmailsIn(job.error).slice(0, 500),
        attempts: job.retryCount + 1,
        failedAt: job.failedAt.toISOString(),
      };
    }),
  };
}
