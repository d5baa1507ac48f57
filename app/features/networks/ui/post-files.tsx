import { useEffect, useState } from "react";
import { MAX_ALT_TEXT_LENGTH } from "~/db/enums";
import { useI18n } from "~/i18n/context";
import type { Translate } from "~/i18n/i18n";
import { FilesField } from "~/ui/files-field";
import { TextField } from "~/ui/form";

/**
 * The composer's file field with a description for each photo (issue 13): what a screen reader
 * says instead of "Photo shared by …". The descriptions go in `altText` fields, in the order of
 * the photos. Without JavaScript there is one field, which describes the (first) photo; with
 * it, one field appears for each photo chosen (as the browser types the files), none before.
 */
export function PostFiles(props: {
  altTextError?: string;
  /** Which description the error is about (0: the first). */
  altTextErrorAt?: number;
}) {
  const { t } = useI18n();
  const [enhanced, setEnhanced] = useState(false);
  const [photos, setPhotos] = useState<string[]>([]);
  useEffect(() => setEnhanced(true), []);
  return (
    <>
      <FilesField
        onChange={(event) => {
          const chosen = [...(event.currentTarget.files ?? [])];
          setPhotos(chosen.filter((f) => f.type.startsWith("image/")).map((f) => f.name));
        }}
      />
      {!enhanced ? (
        <TextField
          name="altText"
          label={t("posts.altTextLabel")}
          hint={t("posts.altTextHint", { max: MAX_ALT_TEXT_LENGTH })}
          error={props.altTextError}
          maxLength={MAX_ALT_TEXT_LENGTH}
        />
      ) : (
        photos.map((name, i) => (
          <TextField
            // A new choice of files is a new set of fields.
            key={`${i}:${name}`}
            id={`f-altText-${i}`}
            name="altText"
            label={descriptionLabel(t, i, photos.length)}
            hint={name}
            error={i === (props.altTextErrorAt ?? 0) ? props.altTextError : undefined}
            maxLength={MAX_ALT_TEXT_LENGTH}
          />
        ))
      )}
    </>
  );
}

/** "Describe the photo", numbered when there are several. */
function descriptionLabel(t: Translate, index: number, count: number): string {
  return count > 1
    ? t("posts.altTextLabelNumbered", { number: index + 1 })
    : t("posts.altTextLabel");
}

/**
 * The edit form's description of each photo of a post, prefilled. Each photo's id goes first,
 * then its description: the action reads them in pairs (postEditSchema).
 */
export function PhotoDescriptions(props: {
  networkId: string;
  photos: { id: string; filename: string; altText: string | null }[];
  error?: string;
  /** Which description the error is about (0: the first). */
  errorAt?: number;
}) {
  const { t } = useI18n();
  const { photos } = props;
  return photos.map((photo, i) => (
    <div key={photo.id} className="photo-description">
      {/* The photo itself is what the field describes; its name would add nothing. */}
      <img
        src={`/networks/${props.networkId}/attachments/${photo.id}/${photo.filename}`}
        alt=""
        width={64}
        height={64}
        loading="lazy"
      />
      <input type="hidden" name="photoId" value={photo.id} />
      <TextField
        id={`f-altText-${photo.id}`}
        name="altText"
        label={descriptionLabel(t, i, photos.length)}
        defaultValue={photo.altText ?? ""}
        error={i === (props.errorAt ?? 0) ? props.error : undefined}
        maxLength={MAX_ALT_TEXT_LENGTH}
      />
    </div>
  ));
}
