import fs from 'fs';
import os from 'os';
import path from 'path';

import type { TestApp } from './strapi';

/** Puts a file in the media library through Strapi's upload service, as the admin's upload does. */
export const uploadFile = async (
  app: TestApp,
  bytes: Buffer,
  { name = 'report.pdf', mime = 'application/pdf' }: { name?: string; mime?: string } = {}
) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-upload-'));
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, bytes);
  try {
    const [file] = await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: { filepath, originalFilename: name, mimetype: mime, size: bytes.length },
      });
    return file as { id: number; url: string };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
