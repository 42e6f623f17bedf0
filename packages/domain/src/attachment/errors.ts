/** Stable codes of attachment validation; the HTTP edge maps them to status codes. */
export const AttachmentErrors = {
  empty: 'ATTACHMENT_EMPTY',
  tooLarge: 'ATTACHMENT_TOO_LARGE',
  typeNotAllowed: 'ATTACHMENT_TYPE_NOT_ALLOWED',
  typeMismatch: 'ATTACHMENT_TYPE_MISMATCH',
  headTooShort: 'ATTACHMENT_HEAD_TOO_SHORT',
  nameInvalid: 'ATTACHMENT_NAME_INVALID',
  sizeInvalid: 'ATTACHMENT_SIZE_INVALID',
} as const;
export type AttachmentErrorCode = (typeof AttachmentErrors)[keyof typeof AttachmentErrors];
