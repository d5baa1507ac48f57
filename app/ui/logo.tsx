/**
 * Synergy's logo, drawn here (licence: the project's): two circles, two groups of people,
 * whose overlap is filled — what they make together. Colours come from the design tokens, so it
 * follows light and dark. The mark carries the accessible name; the word beside it repeats it
 * for the eye only, so a screen reader says "Synergy" once.
 */
export function Logo(props: { withWordmark?: boolean }) {
  const withWordmark = props.withWordmark ?? true;
  return (
    <span className="logo">
      <svg
        className="logo-mark"
        role="img"
        aria-label="Synergy"
        viewBox="0 0 32 32"
        width="32"
        height="32"
        focusable="false"
      >
        <circle cx="12" cy="16" r="9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <circle cx="20" cy="16" r="9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path className="logo-overlap" d="M16 7.94A9 9 0 0 1 16 24.06A9 9 0 0 1 16 7.94Z" />
      </svg>
      {withWordmark ? (
        <span className="logo-word" aria-hidden="true">
          Synergy
        </span>
      ) : null}
    </span>
  );
}
