import { createHash } from 'crypto';
import escape from 'lodash/escape';

import { CORRECTION_KIND_LABELS, type CorrectionKind } from '../../../shared/contracts/corrections';
import type { QueueState } from '../../../shared/contracts/desk';

/**
 * The preview page: a story as readers would see it, from a model that holds public fields only
 * (services/preview.ts builds it through the public allow-list). Every text is escaped here and
 * nowhere else; the page has no script, so its CSP can forbid all of them.
 */

/** A Strapi blocks node, as much of it as the page renders. */
export type BlockNode = {
  type?: string;
  text?: string;
  level?: number;
  format?: string;
  url?: string;
  image?: { url?: string; alternativeText?: string | null } | null;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  children?: BlockNode[];
};

export type PreviewModel = {
  locale: string;
  status: 'draft' | 'published';
  title: string;
  dek: string | null;
  dateline: string | null;
  kind: string;
  backstory: string | null;
  body: BlockNode[];
  bylines: Array<{ name: string; role: string | null }>;
  citations: Array<{
    page: number | null;
    passage: string | null;
    passageType: string | null;
    sourceDocument: { title: string; issuer: string | null; documentNumber: string | null } | null;
  }>;
  /** `awaiting` is why the quote cannot be published yet, or null when an approval covers it. */
  quotes: Array<{
    quote: string;
    attribution: string;
    anonymityReason: string;
    awaiting: QueueState | null;
  }>;
  sourceDocuments: Array<{
    title: string;
    issuer: string | null;
    documentNumber: string | null;
    officialUrl: string | null;
  }>;
  /** Source documents the draft links that have no published version: readers will not see them. */
  unpublishedSourceDocuments: number;
  /** `held`: issued, shown to readers with this draft's publish. */
  corrections: Array<{ kind: CorrectionKind; text: string; issuedAt: string; held: boolean }>;
};

export const AWAITING_APPROVAL = 'Awaiting standards approval';

// Why a quote awaits, for the states that say more than "not approved yet".
const AWAITING_LABELS: Partial<Record<QueueState, string>> = {
  voided: `${AWAITING_APPROVAL}: edited since it was approved`,
  'approver-lost-permission': `${AWAITING_APPROVAL}: its approver may no longer approve`,
  'original-not-approved': `${AWAITING_APPROVAL}: the original quote is not approved`,
  rejected: 'Rejected by the standards desk: it cannot be published',
};
const awaitingLabel = (state: QueueState) => AWAITING_LABELS[state] ?? AWAITING_APPROVAL;

const text = (value: unknown) => escape(value == null ? '' : String(value));

/** Only web and mail links: a `javascript:` URL typed into a link must not become one. */
const safeUrl = (url: unknown): string | null =>
  typeof url === 'string' && /^(https?:|mailto:|\/(?!\/))/i.test(url.trim()) ? url.trim() : null;

const inline = (node: BlockNode): string => {
  if (node.type === 'link') {
    const inner = (node.children ?? []).map(inline).join('');
    const href = safeUrl(node.url);
    return href ? `<a href="${text(href)}" rel="noopener noreferrer">${inner}</a>` : inner;
  }
  if (node.children) {
    return node.children.map(inline).join('');
  }
  let html = text(node.text);
  if (node.code) html = `<code>${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
};

const block = (node: BlockNode): string => {
  const inner = () => (node.children ?? []).map(inline).join('');
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, Number(node.level) + 1 || 2));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${(node.children ?? []).map(block).join('')}</${tag}>`;
    }
    case 'list-item':
      return `<li>${inner()}</li>`;
    case 'quote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'code':
      return `<pre><code>${inner()}</code></pre>`;
    case 'image': {
      const src = safeUrl(node.image?.url);
      return src ? `<img src="${text(src)}" alt="${text(node.image?.alternativeText)}">` : '';
    }
    default:
      return `<p>${inner()}</p>`;
  }
};

const STYLE = `
body{font:17px/1.55 Georgia,serif;margin:0;color:#1d1d1f;background:#fff}
main{max-width:42rem;margin:0 auto;padding:1.5rem}
.banner{font:600 13px/1.4 system-ui,sans-serif;background:#fff4d6;border-bottom:1px solid #e0c36a;padding:.5rem 1rem}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0}
.dek{font-size:1.2rem;color:#444}.meta,.kind{font:14px system-ui,sans-serif;color:#555}
.quote{border-left:4px solid #8a8a8a;margin:1rem 0;padding:.25rem 1rem}
.quote.awaiting{border-color:#c2410c;background:#fff7ed}
.marker{display:inline-block;font:600 12px system-ui,sans-serif;color:#9a3412;background:#ffedd5;border:1px solid #fdba74;border-radius:4px;padding:1px 6px}
section{margin-top:2rem}h2{font:600 15px system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em}
.held{font:12px system-ui,sans-serif;color:#555}
`;

/** The hash the page's CSP allows its one inline style by. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const quote = (item: PreviewModel['quotes'][number]) => `
<figure class="quote${item.awaiting ? ' awaiting' : ''}" data-approval="${item.awaiting ?? 'approved'}">
${item.awaiting ? `<span class="marker">${text(awaitingLabel(item.awaiting))}</span>` : ''}
<blockquote>${text(item.quote)}</blockquote>
<figcaption>— ${text(item.attribution)}<br><small>Why anonymous: ${text(item.anonymityReason)}</small></figcaption>
</figure>`;

const correction = (item: PreviewModel['corrections'][number]) => `
<li><strong>${text(CORRECTION_KIND_LABELS[item.kind] ?? item.kind)}</strong> (${text(item.issuedAt)}): ${text(item.text)}
${item.held ? '<span class="held">Shown to readers when this draft is published.</span>' : ''}</li>`;

const citation = (item: PreviewModel['citations'][number]) => {
  const source = item.sourceDocument;
  const where = source
    ? `${text(source.title)}${source.documentNumber ? ` (${text(source.documentNumber)})` : ''}`
    : 'a source document';
  return `<li>${item.passage ? `“${text(item.passage)}” ` : ''}${where}${item.page ? `, p. ${text(item.page)}` : ''}</li>`;
};

const sourceDocument = (item: PreviewModel['sourceDocuments'][number]) => {
  const href = safeUrl(item.officialUrl);
  const title = href
    ? `<a href="${text(href)}" rel="noopener noreferrer">${text(item.title)}</a>`
    : text(item.title);
  return `<li>${title}${item.issuer ? `, ${text(item.issuer)}` : ''}${item.documentNumber ? `, ${text(item.documentNumber)}` : ''}</li>`;
};

const list = (heading: string, items: string[]) =>
  items.length > 0 ? `<section><h2>${heading}</h2><ul>${items.join('')}</ul></section>` : '';

export const renderPreviewPage = (model: PreviewModel): string => {
  const banner =
    model.status === 'draft'
      ? 'Preview of the draft: not published. Readers see this once it is published.'
      : 'Preview of the published version.';
  const unpublished =
    model.unpublishedSourceDocuments > 0
      ? `<p class="meta">${model.unpublishedSourceDocuments} linked source document(s) not published: readers will not see them.</p>`
      : '';
  return `<!doctype html>
<html lang="${text(model.locale)}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(model.title)} (preview)</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="status">${banner}</div>
<main>
<article>
<p class="kind">${text(model.kind)}</p>
<h1>${text(model.title)}</h1>
${model.dek ? `<p class="dek">${text(model.dek)}</p>` : ''}
<p class="meta">${model.bylines.map((b) => `${text(b.name)}${b.role ? `, ${text(b.role)}` : ''}`).join('; ')}${model.dateline ? ` · ${text(model.dateline)}` : ''}</p>
${model.body.map(block).join('\n')}
${model.quotes.map(quote).join('')}
</article>
${list('Corrections', model.corrections.map(correction))}
${list('Citations', model.citations.map(citation))}
${list('Source documents', model.sourceDocuments.map(sourceDocument))}${unpublished}
${model.backstory ? `<section><h2>How this story was reported</h2><p>${text(model.backstory)}</p></section>` : ''}
</main>
</body>
</html>`;
};
