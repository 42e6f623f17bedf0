import { DomainError, type Result } from '../shared/errors';
import {
  ATTACHMENT_TYPES,
  MIN_SNIFF_BYTES,
  kindOf,
  type AttachmentCandidate,
  type AttachmentLimits,
  type AttachmentType,
  type ValidatedAttachment,
} from './attachment';
import { AttachmentErrors } from './errors';
import { sniffContentType } from './sniff';

/** File-name extensions accepted for each detected type; the first is the canonical one. */
export const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heif', 'heic'],
  'image/avif': ['avif'],
  'video/mp4': ['mp4', 'm4v'],
  'video/quicktime': ['mov', 'qt'],
  'video/3gpp': ['3gp', '3g2'],
  'application/pdf': ['pdf'],
};

/** Declared MIME names that mean the same detected type (aliases and sibling containers). */
const MIME_ALIASES: Record<AttachmentType, readonly string[]> = {
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'image/png': ['image/png', 'image/x-png'],
  'image/gif': ['image/gif'],
  'image/webp': ['image/webp'],
  // HEIC is HEIF with HEVC pictures; phones and browsers label one as the other.
  'image/heic': ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  'image/heif': ['image/heif', 'image/heic', 'image/heif-sequence', 'image/heic-sequence'],
  'image/avif': ['image/avif'],
  'video/mp4': ['video/mp4', 'video/x-m4v'],
  'video/quicktime': ['video/quicktime'],
  'video/3gpp': ['video/3gpp', 'video/3gpp2'],
  'application/pdf': ['application/pdf', 'application/x-pdf'],
};

/** MIME values that carry no claim about the content. */
const UNDECLARED_MIMES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const isAttachmentType = (value: string): value is AttachmentType =>
  (ATTACHMENT_TYPES as readonly string[]).includes(value);

const refuse = (
  code: string,
  message: string,
  field: string,
  details?: Record<string, unknown>,
): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, details === undefined ? { field } : { field, details }),
});

/** The lower-cased extension of a file name, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The largest file any allowed type may have: a server can refuse a bigger upload before reading it. */
export function largestAllowedSize(limits: AttachmentLimits): number {
  return Math.max(0, ...limits.allowedTypes.map((t) => limits.maxBytes[kindOf(t)]));
}

/**
 * Validates an upload by its content, not by what the client claims: the first bytes decide the
 * type, which must be allowed, agree with the declared extension and MIME type, and fit the size limit.
 */
export function validateAttachment(
  candidate: AttachmentCandidate,
  limits: AttachmentLimits,
): Result<ValidatedAttachment> {
  const { declaredName, size, head } = candidate;
  if (declaredName.trim() === '' || /[/\\\0]/.test(declaredName)) {
    return refuse(AttachmentErrors.nameInvalid, 'The file name is empty or contains a path.', 'declaredName');
  }
  if (!Number.isSafeInteger(size) || size < 0 || head.length > size) {
    return refuse(AttachmentErrors.sizeInvalid, 'The file size does not agree with its content.', 'size');
  }
  if (size === 0) return refuse(AttachmentErrors.empty, 'The file is empty.', 'size');
  if (head.length < Math.min(MIN_SNIFF_BYTES, size)) {
    return refuse(
      AttachmentErrors.headTooShort,
      `At least ${MIN_SNIFF_BYTES} leading bytes are needed to recognise the file.`,
      'head',
    );
  }

  const detected = sniffContentType(head);
  if (detected === undefined || !isAttachmentType(detected) || !limits.allowedTypes.includes(detected)) {
    return refuse(
      AttachmentErrors.typeNotAllowed,
      detected === undefined
        ? 'The file content is not a recognised photo, video or PDF.'
        : `Files of type ${detected} are not accepted.`,
      'head',
      { detected: detected ?? null, allowed: [...limits.allowedTypes] },
    );
  }

  const extension = extensionOf(declaredName);
  if (extension !== '' && !EXTENSIONS[detected].includes(extension)) {
    return refuse(
      AttachmentErrors.typeMismatch,
      `The file is named .${extension} but its content is ${detected}.`,
      'declaredName',
      { detected, extension },
    );
  }
  const mime = (candidate.declaredMime.split(';')[0] ?? '').trim().toLowerCase();
  if (!UNDECLARED_MIMES.has(mime) && !MIME_ALIASES[detected].includes(mime)) {
    return refuse(
      AttachmentErrors.typeMismatch,
      `The file was declared as ${mime} but its content is ${detected}.`,
      'declaredMime',
      { detected, declaredMime: mime },
    );
  }

  const kind = kindOf(detected);
  const maxBytes = limits.maxBytes[kind];
  if (size > maxBytes) {
    return refuse(AttachmentErrors.tooLarge, `The ${kind} is larger than ${maxBytes} bytes.`, 'size', {
      maxBytes,
      size,
    });
  }
  const [canonical = extension] = EXTENSIONS[detected];
  return { ok: true, value: { type: detected, kind, extension: canonical, size } };
}
