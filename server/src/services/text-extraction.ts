import type { Core } from '@strapi/strapi';
import { createHash, randomUUID } from 'crypto';

import { normalizeForSearch } from '../passages/normalize';
import { extractPdfPages, type ExtractionHandle } from '../pdf/extract-pages';
import type { SourceDocumentText } from '../types/content-types';
import { getService } from '../utils/get-service';
import { SOURCE_DOCUMENT_TEXT_UID } from '../utils/plugin-id';

type TextRow = SourceDocumentText;

/** A claim on a job lapses when its instance stops renewing it (crashed, killed, redeployed). */
const LEASE_MS = 2 * 60 * 1000;
const HEARTBEAT_MS = 20 * 1000;
/** How often each instance looks for jobs left by others, or lapsed. */
const SWEEP_MS = 30 * 1000;
/** A file that takes longer than this to read is given up on (a hostile or broken PDF). */
const MAX_EXTRACTION_MS = 10 * 60 * 1000;
/** A job whose claims keep lapsing (the reader crashes its instance) is failed, not retried forever. */
const MAX_ATTEMPTS = 3;
const MAX_ERROR_LENGTH = 1000;

/**
 * Reads each source document's PDF page by page, off the request path. Attaching or replacing the
 * PDF queues a job (a row of source-document-text, keyed by the source document's documentId,
 * which survives publish) that any Strapi instance sharing the database may claim: claims are
 * leases renewed while the PDF is read, so a job whose instance died is picked up again by the
 * next sweep, and jobs pending at boot are resumed.
 */
const textExtraction = ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = randomUUID();
  const rows = () => strapi.db.query(SOURCE_DOCUMENT_TEXT_UID);

  let draining: Promise<void> | null = null;
  let drainAgain = false;
  let running: ExtractionHandle | null = null;
  let sweep: NodeJS.Timeout | null = null;
  // Until bootstrap starts it: a job queued earlier (by a data migration) waits for the app.
  let stopped = true;

  const afterCommit = (fn: () => void) =>
    // Inside a Document Service write the job row is only visible to a worker once committed.
    strapi.db.transaction(async ({ onCommit }) => onCommit(fn));

  const fail = (job: TextRow, message: string, sha256: string | null = null) =>
    rows().update({
      where: { id: job.id, requestId: job.requestId },
      data: {
        status: 'failed',
        error: message.slice(0, MAX_ERROR_LENGTH),
        sha256,
        claimedBy: null,
        claimedAt: null,
      },
    });

  /** Takes the oldest pending job nobody holds a live claim on; null when there is none. */
  const claimNext = async (): Promise<TextRow | null> => {
    for (;;) {
      const job = (await rows().findOne({
        select: ['id', 'requestId', 'attempts', 'fileId'],
        where: {
          status: 'pending',
          $or: [{ claimedAt: null }, { claimedAt: { $lt: new Date(Date.now() - LEASE_MS) } }],
        },
        orderBy: { requestedAt: 'asc' },
      })) as TextRow | null;
      if (!job) {
        return null;
      }
      const attempts = job.attempts ?? 0;
      if (attempts >= MAX_ATTEMPTS) {
        await fail(job, `The PDF could not be read after ${attempts} attempts.`);
        continue;
      }
      // Optimistic claim: of several instances racing for the job, one update matches.
      const { count } = await rows().updateMany({
        where: { id: job.id, requestId: job.requestId, attempts },
        data: { claimedBy: instanceId, claimedAt: new Date(), attempts: attempts + 1 },
      });
      if (count === 1) {
        return job;
      }
    }
  };

  const extract = async (job: TextRow) => {
    const bytes = job.fileId
      ? await getService('file-digest', { strapi }).bytesOfUpload(job.fileId)
      : null;
    if (!bytes) {
      await fail(job, 'The file is no longer in the media library.');
      return;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    let lastBeat = Date.now();
    const heartbeat = () => {
      if (Date.now() - lastBeat >= HEARTBEAT_MS) {
        lastBeat = Date.now();
        void rows()
          .updateMany({
            where: { id: job.id, requestId: job.requestId, claimedBy: instanceId },
            data: { claimedAt: new Date() },
          })
          .catch(() => undefined);
      }
    };
    running = extractPdfPages(bytes, { onPage: heartbeat });
    let timeout: NodeJS.Timeout | undefined;
    let raw: string[];
    try {
      raw = await Promise.race([
        running.pages,
        new Promise<never>((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error('Reading the PDF took too long.')),
            MAX_EXTRACTION_MS
          );
        }),
      ]);
    } catch (error) {
      await running.cancel();
      if (!stopped) {
        await fail(
          job,
          `This file could not be read as a PDF: ${(error as Error).message}`,
          sha256
        );
      }
      return;
    } finally {
      clearTimeout(timeout);
      running = null;
    }

    if (raw.length === 0) {
      await fail(job, 'This PDF has no pages.', sha256);
      return;
    }
    const pages = raw.map(normalizeForSearch);
    // Written only if the job was not superseded meanwhile (the file replaced again).
    await rows().update({
      where: { id: job.id, requestId: job.requestId },
      data: {
        status: 'done',
        error: null,
        sha256,
        pageCount: pages.length,
        pages,
        pagesWithoutText: pages.flatMap((text, index) => (text ? [] : [index + 1])),
        extractedAt: new Date(),
        claimedBy: null,
        claimedAt: null,
      },
    });
    getService('webhook-events', { strapi }).textExtracted(job);
  };

  const drainQueue = async () => {
    do {
      drainAgain = false;
      for (let job = await claimNext(); job && !stopped; job = await claimNext()) {
        await extract(job);
      }
    } while (drainAgain && !stopped);
  };

  return {
    /**
     * Queues the reading of a source document's newly attached PDF (or forgets the text when the
     * file is removed). Saving the same file again does not queue it again unless it failed.
     */
    async enqueue(sourceDocumentId: string, fileId: number | null, sha256: string | null) {
      const existing = (await rows().findOne({ where: { sourceDocumentId } })) as TextRow | null;
      if (!fileId) {
        if (existing) {
          await rows().delete({ where: { id: existing.id } });
        }
        return;
      }
      const sameFile =
        existing?.fileId === fileId &&
        (existing.status === 'pending' ||
          (existing.status === 'done' && existing.sha256 === sha256));
      if (sameFile) {
        return;
      }
      const data = {
        sourceDocumentId,
        status: 'pending',
        error: null,
        fileId,
        sha256: null,
        pageCount: null,
        pages: null,
        pagesWithoutText: null,
        requestId: randomUUID(),
        requestedAt: new Date(),
        claimedBy: null,
        claimedAt: null,
        attempts: 0,
        extractedAt: null,
      };
      await (existing
        ? rows().update({ where: { id: existing.id }, data })
        : rows().create({ data }));
      await afterCommit(() => void this.drain());
    },

    /** Works through pending jobs in the background; at most one PDF at a time per instance. */
    drain(): Promise<void> {
      if (stopped) {
        return Promise.resolve();
      }
      if (draining) {
        drainAgain = true;
        return draining;
      }
      draining = drainQueue()
        .catch((error: Error) => {
          if (!stopped) {
            strapi.log.error(`intelligence-stories: reading PDFs stopped: ${error.message}`);
          }
        })
        .finally(() => {
          draining = null;
        });
      return draining;
    },

    /**
     * At boot: resume pending jobs and sweep periodically. PDFs attached before the plugin read
     * them were queued once by a data migration (migrations/queue-earlier-pdfs.ts).
     */
    async start() {
      stopped = false;
      if (sweep) {
        clearInterval(sweep);
      }
      sweep = setInterval(() => void this.drain(), SWEEP_MS);
      sweep.unref();
      void this.drain();
    },

    async stop() {
      stopped = true;
      if (sweep) {
        clearInterval(sweep);
        sweep = null;
      }
      const interrupted = running;
      await interrupted?.cancel();
      await draining;
      if (interrupted) {
        // Release the claim so the next instance to look need not wait for the lease to lapse.
        const held = (await rows().findMany({
          select: ['id', 'attempts'],
          where: { claimedBy: instanceId, status: 'pending' },
        })) as TextRow[];
        for (const job of held) {
          await rows().update({
            where: { id: job.id, claimedBy: instanceId },
            data: {
              claimedBy: null,
              claimedAt: null,
              attempts: Math.max(0, (job.attempts ?? 1) - 1),
            },
          });
        }
      }
    },
  };
};

export default textExtraction;
