import type { ChangeEventHandler } from "react";
import { useI18n } from "~/i18n/context";
import { TextField } from "~/ui/form";
import { useUploadLimitMb } from "~/ui/limits";

/**
 * The "Files" field of every composer that takes attachments (posts, messages): several files,
 * with the configured upload limit in its hint.
 */
export function FilesField(props: {
  error?: string;
  onChange?: ChangeEventHandler<HTMLInputElement>;
}) {
  const { t } = useI18n();
  return (
    <TextField
      name="files"
      type="file"
      multiple
      label={t("posts.files")}
      hint={t("posts.filesHint", { mb: useUploadLimitMb() })}
      error={props.error}
      onChange={props.onChange}
    />
  );
}
