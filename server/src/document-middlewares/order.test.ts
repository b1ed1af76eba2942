import { readdirSync } from 'node:fs';
import path from 'node:path';

import documentMiddlewares from '.';

/**
 * The Document Service runs middlewares in the order they were added, the first outermost: each
 * sees the call before the ones after it and its result after them. The order is part of the
 * design, so it is pinned here with the reason for each place; moving one means updating its
 * reason, and the tests named beside it say what breaks otherwise.
 */
const ORDER: Array<[name: string, why: string]> = [
  [
    'screenInput',
    'caps lists and NFC-normalizes strings before any middleware reads stored documents or Strapi writes component rows one by one (test/api/input-limits)',
  ],
  [
    'keepCorrectionsAppendOnly',
    'refuses an edit or delete of a correction, or the delete of a corrected story, before any work is done (test/api/corrections-append-only)',
  ],
  [
    'keepAccessLogAppendOnly',
    'refuses an edit or delete of the access log, the evidence of who saw a source, before any work (test/security/source-admin-access)',
  ],
  [
    'stampCorrectionIssuance',
    "sets issuedAt and the issuer from the server before validation reads them (the 30-day late rule needs the server's date)",
  ],
  [
    'computeSourceDocumentHash',
    "replaces a client's sha256 with the digest of the attached file before validation",
  ],
  [
    'queueTextExtraction',
    'queues reading the PDF only after the inner write (validation included) succeeded: it acts after next()',
  ],
  ['generateStorySlug', "fills a story's slug before validation requires it"],
  [
    'protectQuoteApprovals',
    'drops typed-in approval fields and keeps the stored decision before revisions are stamped and the write validated (test/api/quote-approvals)',
  ],
  [
    'keepPublicationRecord',
    'drops client values for the publication record before validation (test/security/server-kept-story-fields); only the publish writes it',
  ],
  [
    'stampRevisions',
    'gives every write a fresh revision once its data is final, so validation sees the stored shape (test/api/optimistic-concurrency)',
  ],
  [
    'validateWrites',
    'checks the completed data, and the stored result in the same transaction, after every middleware that completes it (test/api/write-validation)',
  ],
  [
    'encryptConfidentialSources',
    "after validation, which checks the lengths the editor typed, not the ciphertext's; nothing before it sees ciphertext (test/security/source-encryption)",
  ],
  [
    'publishStory',
    'the publish use-case (services/publication) reads the stored draft, which every write above has shaped; a create or update with status published is written as a draft through all of them first, then published (test/api/publish-gate)',
  ],
  [
    'purgeCaches',
    'around the write (a publish inside the publish use-case), so it reads what cited a source document before and after; purges are sent once the transaction commits, so a refused or rolled-back write purges nothing (test/api/cache-purge)',
  ],
  [
    'refreshPublicSnapshots',
    "around the write, inside the purge's transaction: reads the stories a source document is cited by before and after, and rewrites their public snapshot once the change is made, so a refused write leaves the snapshot as it was (test/api/public-snapshot.property)",
  ],
  [
    'recordCorrectionsFeedChanges',
    'innermost: records a change to the feeds only once the write it follows has succeeded (test/api/corrections-feeds)',
  ],
];

describe('Document Service middlewares', () => {
  it('run in the pinned order, each for its stated reason', () => {
    expect(documentMiddlewares.map((middleware) => middleware.name)).toEqual(
      ORDER.map(([name]) => name)
    );
  });

  it('include every middleware of the folder: none is written and left unregistered', async () => {
    const files = readdirSync(__dirname).filter(
      (file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts')
    );
    const modules = await Promise.all(
      files.map((file) => import(path.join(__dirname, file)) as Promise<Record<string, unknown>>)
    );
    const exported = modules.flatMap((module) => Object.keys(module));
    expect(exported.sort()).toEqual(ORDER.map(([name]) => name).sort());
  });
});
