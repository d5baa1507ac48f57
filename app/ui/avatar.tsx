/** A person's photo, or their initials on a tinted circle when there is none (decorative). */
export function Avatar(props: { name: string; photoKey: string | null; size?: "large" }) {
  const className = `avatar${props.size === "large" ? " large" : ""}`;
  if (props.photoKey) {
    return (
      <img
        className={className}
        src={`/media/${props.photoKey}`}
        alt=""
        width={props.size === "large" ? 112 : 56}
        height={props.size === "large" ? 112 : 56}
        loading="lazy"
      />
    );
  }
  const initials = props.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
  return (
    <span className={className} aria-hidden="true">
      {initials}
    </span>
  );
}
