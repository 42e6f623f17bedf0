import type { AttachmentType, DetectedContent } from './attachment';

const ascii = (head: Uint8Array, from: number, length: number): string => {
  if (head.length < from + length) return '';
  let out = '';
  for (let i = from; i < from + length; i++) out += String.fromCharCode(head[i] ?? 0);
  return out;
};

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'dash',
  'M4V ',
  'M4VH',
  'M4VP',
  'mmp4',
  'MSNV',
  'NDAS',
  'f4v ',
]);
/** Top-level atoms that open a classic QuickTime file written without an `ftyp` box. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** Major and compatible brands of an ISO base media `ftyp` box, as far as the head reaches. */
function ftypBrands(head: Uint8Array): string[] | undefined {
  if (ascii(head, 4, 4) !== 'ftyp') return undefined;
  const major = ascii(head, 8, 4);
  if (major === '') return undefined;
  const boxSize =
    (((head[0] ?? 0) << 24) >>> 0) + ((head[1] ?? 0) << 16) + ((head[2] ?? 0) << 8) + (head[3] ?? 0);
  const end = Math.min(boxSize >= 16 ? boxSize : 16, head.length);
  const brands = [major];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, 4));
  return brands;
}

function isoMediaType(brands: readonly string[]): AttachmentType | undefined {
  const [major = ''] = brands;
  // The major brand decides; a generic image brand (mif1) is refined by its compatible brands.
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (AVIF_BRANDS.has(major)) return 'image/avif';
  if (HEIF_BRANDS.has(major)) {
    if (brands.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
    if (brands.some((b) => AVIF_BRANDS.has(b))) return 'image/avif';
    return 'image/heif';
  }
  if (major === 'qt  ') return 'video/quicktime';
  if (major.startsWith('3g')) return 'video/3gpp';
  if (MP4_BRANDS.has(major)) return 'video/mp4';
  return undefined;
}

function looksLikeHtml(head: Uint8Array): boolean {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[i] ?? 0)) i++;
  const text = ascii(head, i, Math.min(14, head.length - i)).toLowerCase();
  return ['<!doctype html', '<html', '<script', '<svg', '<?xml'].some((tag) => text.startsWith(tag));
}

/**
 * Detects the content type from the first bytes of a file (magic numbers); the declared name and
 * MIME type play no part. Returns undefined when the content is not a type Aftercare knows.
 */
export function sniffContentType(head: Uint8Array): DetectedContent | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  const brands = ftypBrands(head);
  if (brands) return isoMediaType(brands);
  if (QUICKTIME_ATOMS.has(ascii(head, 4, 4))) return 'video/quicktime';

  if (startsWith(head, [0x4d, 0x5a])) return 'application/x-msdownload';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-elf';
  const machO = [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ];
  if (machO.some((magic) => startsWith(head, magic))) return 'application/x-mach-binary';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return 'application/zip';
  }
  if (startsWith(head, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'application/x-rar-compressed';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  if (startsWith(head, [0x23, 0x21])) return 'application/x-sh';
  if (looksLikeHtml(head)) return 'text/html';
  return undefined;
}
