import { createRequire } from 'module';
import path from 'path';
import { Worker } from 'worker_threads';

/**
 * The extraction runs in a worker thread: pdf.js parses on the CPU, and a 300-page report must
 * not stall the event loop that serves editors. The worker is also where unpdf is loaded, by
 * Node's own loader: unpdf brings pdf.js in as an ES module with `import()`, which the plugin's
 * CommonJS build could do in Node but not inside jest's module sandbox, where the tests run it.
 *
 * The worker posts each page's raw text as it goes (items joined, a line break where pdf.js marks
 * the end of a line, so hyphenation across lines can be undone by normalizeForSearch).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { getDocumentProxy } = require(workerData.unpdfPath);
  const pdf = await getDocumentProxy(new Uint8Array(workerData.bytes), {
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  parentPort.postMessage({ type: 'start', pageCount: pdf.numPages });
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : ''))
      .join('');
    page.cleanup();
    parentPort.postMessage({ type: 'page', number, text });
  }
  await pdf.destroy();
  parentPort.postMessage({ type: 'end' });
})().catch((error) => {
  parentPort.postMessage({ type: 'error', message: error && error.message ? error.message : String(error) });
});
`;

type WorkerMessage =
  | { type: 'start'; pageCount: number }
  | { type: 'page'; number: number; text: string }
  | { type: 'end' }
  | { type: 'error'; message: string };

export type ExtractionHandle = {
  /** Raw text of each page, in order. Rejects with pdf.js's reason when the file is not a PDF. */
  pages: Promise<string[]>;
  /** Stops the worker (Strapi shutting down); `pages` then rejects. */
  cancel(): Promise<void>;
};

// Resolved from the plugin's own code, so unpdf is found where the plugin's dependencies are,
// whatever the app's working directory (the ESM build has no __filename: it resolves from cwd).
const unpdfPath = () =>
  createRequire(
    typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js')
  ).resolve('unpdf');

export const extractPdfPages = (
  bytes: Buffer,
  { onPage }: { onPage?: (number: number, pageCount: number) => void } = {}
): ExtractionHandle => {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes, unpdfPath: unpdfPath() },
    // pdf.js keeps its own copies; a cap keeps a hostile file from taking the server's memory.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  let cancelled = false;

  const pages = new Promise<string[]>((resolve, reject) => {
    const texts: string[] = [];
    let pageCount = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
        void worker.terminate();
      }
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'start') {
        pageCount = message.pageCount;
      } else if (message.type === 'page') {
        texts[message.number - 1] = message.text;
        onPage?.(message.number, pageCount);
      } else if (message.type === 'end') {
        settle(() => resolve(texts));
      } else {
        settle(() => reject(new Error(message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          new Error(cancelled ? 'Extraction cancelled' : `The PDF reader stopped (exit ${code})`)
        )
      )
    );
  });

  return {
    pages,
    async cancel() {
      cancelled = true;
      await worker.terminate();
    },
  };
};
