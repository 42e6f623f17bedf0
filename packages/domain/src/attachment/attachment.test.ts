import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AttachmentErrors,
  DEFAULT_ATTACHMENT_LIMITS,
  largestAllowedSize,
  sniffContentType,
  validateAttachment,
  type AttachmentLimits,
} from './index';

const bytes = (...parts: Array<string | number[]>): Uint8Array => {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const ch of part) out.push(ch.charCodeAt(0));
    else out.push(...part);
  }
  while (out.length < 64) out.push(0);
  return Uint8Array.from(out);
};
const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''));
};

const SAMPLES = {
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  gif: bytes('GIF89a'),
  webp: bytes('RIFF', [0x24, 0x00, 0x00, 0x00], 'WEBPVP8 '),
  heic: ftyp('heic', 'mif1', 'heic'),
  heifWithHeicCompat: ftyp('mif1', 'mif1', 'heic'),
  heif: ftyp('mif1', 'mif1'),
  avif: ftyp('avif', 'mif1', 'avif'),
  mp4: ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'),
  mov: ftyp('qt  ', 'qt  '),
  movWithoutFtyp: bytes([0, 0, 0, 8], 'wide'),
  threeGp: ftyp('3gp4', 'isom', '3gp4'),
  pdf: bytes('%PDF-1.7\n'),
  exe: bytes('MZ', [0x90, 0x00, 0x03]),
  elf: bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]),
  zip: bytes([0x50, 0x4b, 0x03, 0x04]),
  shell: bytes('#!/bin/sh\nrm -rf /'),
  html: bytes('  <!DOCTYPE html><html>'),
  m4a: ftyp('M4A ', 'M4A ', 'mp42'),
  text: bytes('hello, this is a plain text file'),
};

describe('attachment content sniffing (issue 4 item 6)', () => {
  const cases: Array<[keyof typeof SAMPLES, string | undefined]> = [
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['heic', 'image/heic'],
    ['heifWithHeicCompat', 'image/heic'],
    ['heif', 'image/heif'],
    ['avif', 'image/avif'],
    ['mp4', 'video/mp4'],
    ['mov', 'video/quicktime'],
    ['movWithoutFtyp', 'video/quicktime'],
    ['threeGp', 'video/3gpp'],
    ['pdf', 'application/pdf'],
    ['exe', 'application/x-msdownload'],
    ['elf', 'application/x-elf'],
    ['zip', 'application/zip'],
    ['shell', 'application/x-sh'],
    ['html', 'text/html'],
    ['m4a', undefined],
    ['text', undefined],
  ];
  for (const [sample, expected] of cases) {
    it(`recognises ${sample} as ${expected ?? 'unknown'} from its first bytes`, () => {
      assert.equal(sniffContentType(SAMPLES[sample]), expected);
    });
  }
  it('returns unknown for an empty or truncated head instead of reading past it', () => {
    assert.equal(sniffContentType(new Uint8Array()), undefined);
    assert.equal(sniffContentType(Uint8Array.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74])), undefined);
  });
});

describe('validateAttachment (issue 4 item 6)', () => {
  const limits: AttachmentLimits = {
    allowedTypes: [
      'image/jpeg',
      'image/png',
      'image/heic',
      'video/mp4',
      'video/quicktime',
      'application/pdf',
    ],
    maxBytes: { image: 1000, video: 5000, document: 2000 },
  };
  const upload = (head: Uint8Array, declaredName: string, declaredMime: string, size = 500) =>
    validateAttachment({ head, declaredName, declaredMime, size }, limits);

  const accepted: Array<[string, Uint8Array, string, string, string]> = [
    ['a JPEG photo', SAMPLES.jpeg, 'IMG_0001.JPG', 'image/jpeg', 'image/jpeg'],
    ['a JPEG declared with the image/jpg alias', SAMPLES.jpeg, 'photo.jpeg', 'image/jpg', 'image/jpeg'],
    ['an iPhone HEIC photo declared as image/heif', SAMPLES.heic, 'IMG_2.HEIC', 'image/heif', 'image/heic'],
    ['an MP4 video', SAMPLES.mp4, 'leak.mp4', 'video/mp4', 'video/mp4'],
    ['a MOV video', SAMPLES.mov, 'leak.mov', 'video/quicktime', 'video/quicktime'],
    [
      'a PDF invoice with a charset parameter',
      SAMPLES.pdf,
      'invoice.pdf',
      'application/pdf; charset=binary',
      'application/pdf',
    ],
    ['a PNG sent as octet-stream', SAMPLES.png, 'screen.png', 'application/octet-stream', 'image/png'],
    ['a JPEG without an extension', SAMPLES.jpeg, 'photo', '', 'image/jpeg'],
  ];
  for (const [title, head, name, mime, type] of accepted) {
    it(`accepts ${title}`, () => {
      const result = upload(head, name, mime);
      assert.ok(result.ok, result.ok ? '' : result.error.message);
      assert.equal(result.value.type, type);
    });
  }

  const refused: Array<[string, Uint8Array, string, string, number, string, string]> = [
    [
      'an .exe renamed .jpg',
      SAMPLES.exe,
      'photo.jpg',
      'image/jpeg',
      500,
      AttachmentErrors.typeNotAllowed,
      'head',
    ],
    [
      'a shell script named .pdf',
      SAMPLES.shell,
      'invoice.pdf',
      'application/pdf',
      500,
      AttachmentErrors.typeNotAllowed,
      'head',
    ],
    [
      'an HTML page named .png',
      SAMPLES.html,
      'x.png',
      'image/png',
      500,
      AttachmentErrors.typeNotAllowed,
      'head',
    ],
    [
      'a known but not allowed type (GIF)',
      SAMPLES.gif,
      'a.gif',
      'image/gif',
      500,
      AttachmentErrors.typeNotAllowed,
      'head',
    ],
    ['plain text', SAMPLES.text, 'notes.txt', 'text/plain', 500, AttachmentErrors.typeNotAllowed, 'head'],
    [
      'a PNG renamed .jpg',
      SAMPLES.png,
      'photo.jpg',
      'image/jpeg',
      500,
      AttachmentErrors.typeMismatch,
      'declaredName',
    ],
    [
      'a PDF declared as image/jpeg',
      SAMPLES.pdf,
      'scan',
      'image/jpeg',
      500,
      AttachmentErrors.typeMismatch,
      'declaredMime',
    ],
    [
      'an MP4 named .mov',
      SAMPLES.mp4,
      'clip.mov',
      'video/quicktime',
      500,
      AttachmentErrors.typeMismatch,
      'declaredName',
    ],
    [
      'a photo over the image limit',
      SAMPLES.jpeg,
      'big.jpg',
      'image/jpeg',
      1001,
      AttachmentErrors.tooLarge,
      'size',
    ],
    [
      'a video over the video limit',
      SAMPLES.mp4,
      'big.mp4',
      'video/mp4',
      5001,
      AttachmentErrors.tooLarge,
      'size',
    ],
    ['an empty file', new Uint8Array(), 'a.jpg', 'image/jpeg', 0, AttachmentErrors.empty, 'size'],
    [
      'a size smaller than the head',
      SAMPLES.jpeg,
      'a.jpg',
      'image/jpeg',
      10,
      AttachmentErrors.sizeInvalid,
      'size',
    ],
    ['a negative size', SAMPLES.jpeg, 'a.jpg', 'image/jpeg', -1, AttachmentErrors.sizeInvalid, 'size'],
    [
      'a head too short to sniff',
      SAMPLES.jpeg.slice(0, 4),
      'a.jpg',
      'image/jpeg',
      500,
      AttachmentErrors.headTooShort,
      'head',
    ],
    [
      'a name with a path',
      SAMPLES.jpeg,
      '../../etc/passwd.jpg',
      'image/jpeg',
      500,
      AttachmentErrors.nameInvalid,
      'declaredName',
    ],
  ];
  for (const [title, head, name, mime, size, code, field] of refused) {
    it(`refuses ${title} with ${code} on ${field}`, () => {
      const result = upload(head, name, mime, size);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, code);
      assert.equal(result.error.field, field);
    });
  }

  it('accepts a file exactly at the size limit', () => {
    const result = upload(SAMPLES.jpeg, 'a.jpg', 'image/jpeg', 1000);
    assert.ok(result.ok);
  });
  it('a tiny file may be shorter than the sniffing minimum and is still judged by its bytes', () => {
    const tiny = Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]);
    const result = upload(tiny, 'a.jpg', 'image/jpeg', 4);
    assert.ok(result.ok);
  });
  it('names the largest size a server may accept before reading the body', () => {
    assert.equal(largestAllowedSize(limits), 5000);
    assert.equal(largestAllowedSize({ ...limits, allowedTypes: ['image/png'] }), 1000);
  });
  it('the default limits accept phone photos and videos but not AVIF', () => {
    assert.ok(DEFAULT_ATTACHMENT_LIMITS.allowedTypes.includes('image/heic'));
    assert.ok(!DEFAULT_ATTACHMENT_LIMITS.allowedTypes.includes('image/avif'));
    const result = validateAttachment(
      { head: SAMPLES.avif, declaredName: 'a.avif', declaredMime: 'image/avif', size: 100 },
      DEFAULT_ATTACHMENT_LIMITS,
    );
    assert.equal(result.ok ? 'ok' : result.error.code, AttachmentErrors.typeNotAllowed);
  });
});
