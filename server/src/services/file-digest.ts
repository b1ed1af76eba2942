import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { createReadStream } from 'fs';
import { readFile } from 'fs/promises';
import path from 'path';

type UploadFile = { id: number; url: string; provider: string };

/**
 * SHA-256 of a media-library file, read from the stored bytes (never taken from a client), so a
 * reader can check that the document they download is the one the newsroom cited.
 */
const fileDigest = ({ strapi }: { strapi: Core.Strapi }) => ({
  async sha256OfUpload(fileId: number | string): Promise<string | null> {
    const file = (await strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { id: fileId } })) as UploadFile | null;
    if (!file) {
      return null;
    }

    const hash = createHash('sha256');
    if (file.provider === 'local') {
      for await (const chunk of createReadStream(path.join(strapi.dirs.static.public, file.url))) {
        hash.update(chunk);
      }
    } else {
      // Remote providers (S3, Cloudinary…) store a URL the server can read back.
      const response = await fetch(file.url);
      if (!response.ok) {
        throw new Error(`Could not read ${file.url} to compute its SHA-256 (${response.status})`);
      }
      hash.update(Buffer.from(await response.arrayBuffer()));
    }
    return hash.digest('hex');
  },

  /** The stored bytes of a media-library file (for reading a PDF's text), or null if it is gone. */
  async bytesOfUpload(fileId: number | string): Promise<Buffer | null> {
    const file = (await strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { id: fileId } })) as UploadFile | null;
    if (!file) {
      return null;
    }
    if (file.provider === 'local') {
      return readFile(path.join(strapi.dirs.static.public, file.url));
    }
    const response = await fetch(file.url);
    if (!response.ok) {
      throw new Error(`Could not read ${file.url} (${response.status})`);
    }
    return Buffer.from(await response.arrayBuffer());
  },
});

export default fileDigest;
