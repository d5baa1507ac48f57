/** Limits of an opportunity's fields and pages (issue 12, decision 023). */
export const MAX_TITLE = 120;
export const MAX_SUMMARY = 300;
export const MAX_DESCRIPTION = 5000;
export const MAX_BRINGS = 1000;
export const MAX_SEEKS = 1000;
export const MAX_REVIEW_NOTE = 1000;
export const MAX_QUERY = 200;
/** Working languages an opportunity may name. */
export const MAX_WORKING_LANGUAGES = 20;
/** Search results per page. */
export const PAGE_SIZE = 20;
/** How long a published or renewed opportunity stays up. */
export const PUBLISHED_MONTHS = 6;
/** Authors are told this many days before expiry (once per expiry date). */
export const REMINDER_DAYS = 14;
