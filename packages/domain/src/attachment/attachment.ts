/** The content types Aftercare recognises by their first bytes (magic numbers). */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Content that is recognised only to be refused with a precise reason (never allowed). */
export const REFUSED_CONTENT = [
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/zip',
  'application/x-rar-compressed',
  'application/x-7z-compressed',
  'application/x-sh',
  'text/html',
] as const;
export type RefusedContent = (typeof REFUSED_CONTENT)[number];

export type DetectedContent = AttachmentType | RefusedContent;

export type AttachmentKind = 'image' | 'video' | 'document';

export function kindOf(type: AttachmentType): AttachmentKind {
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  return 'document';
}

/** How many leading bytes the caller should read for sniffing; fewer may miss ftyp compatible brands. */
export const SNIFF_BYTES = 64;
/** Sniffing needs at least this many bytes of any file larger than it (ftyp major brand ends at byte 12). */
export const MIN_SNIFF_BYTES = 12;

/** Limits of one tenant: which detected types are accepted and the largest size per kind, in bytes. */
export interface AttachmentLimits {
  allowedTypes: readonly AttachmentType[];
  maxBytes: Record<AttachmentKind, number>;
}

export interface AttachmentCandidate {
  /** The file name the client sent (only its extension is used). */
  declaredName: string;
  /** The Content-Type the client sent; empty or application/octet-stream means "not declared". */
  declaredMime: string;
  /** Size of the whole file in bytes. */
  size: number;
  /** The first bytes of the file (SNIFF_BYTES recommended). */
  head: Uint8Array;
}

export interface ValidatedAttachment {
  /** The type found in the content: the only type the system stores and serves. */
  type: AttachmentType;
  kind: AttachmentKind;
  /** The canonical extension for the detected type, for storage names. */
  extension: string;
  size: number;
}

const MIB = 1024 * 1024;
/**
 * Limits used until the tenant policy carries its own (the spec names no numbers): phone photos and
 * PDFs up to 20 MiB, short videos up to 200 MiB; AVIF is recognised but not accepted by default.
 */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  allowedTypes: [
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/webp',
    'image/heic',
    'image/heif',
    'video/mp4',
    'video/quicktime',
    'video/3gpp',
    'application/pdf',
  ],
  maxBytes: { image: 20 * MIB, video: 200 * MIB, document: 20 * MIB },
};
