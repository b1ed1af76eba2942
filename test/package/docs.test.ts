import fs from 'fs';
import path from 'path';

import { DEFAULT_PLUGIN_CONFIG } from '../../server/src/config';
import { ACTIONS, actionId } from '../../server/src/permissions';
import adminRoutes from '../../server/src/routes/admin';
import contentApiRoutes from '../../server/src/routes/content-api';
import { RULE_CODES } from '../../shared/contracts/rules';
import { REPO_ROOT } from '../helpers/paths';

/**
 * The docs say what the code does: every route, permission action and option the code declares is
 * documented where a reader looks for it, the docs name none that does not exist, the README stays
 * a first hour's read, and no link leads nowhere. Pure: reads files and imports declarations.
 */

const README_MAX_LINES = 300;
const REPOSITORY = 'newsroom-tools/strapi-plugin-intelligence-stories';
// The README is read on npm too, where only packed files resolve: it links to docs/ by address.
const REPOSITORY_FILE = new RegExp(
  `^https://(?:github\\.com/${REPOSITORY}/(?:blob|tree)/main|raw\\.githubusercontent\\.com/${REPOSITORY}/main)/([^#?]+)(#.*)?$`
);

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

const DOCS = fs
  .readdirSync(path.join(REPO_ROOT, 'docs'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => `docs/${file}`);
const MARKDOWN = ['README.md', 'CHANGELOG.md', ...DOCS];

/** The text a reader sees as prose and tables: fenced code blocks are not headings or links. */
const withoutCodeBlocks = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as `-`. */
const anchorsOf = (file: string) => {
  const seen = new Map<string, number>();
  return new Set(
    [...withoutCodeBlocks(read(file)).matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => {
      const slug = heading
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .trim()
        .replace(/\s/g, '-');
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      return count === 0 ? slug : `${slug}-${count}`;
    })
  );
};

/** The lines of a file that mention `needle`, e.g. the table row of one route. */
const linesWith = (text: string, needle: string) =>
  text.split('\n').filter((line) => line.includes(needle));

type Route = {
  method: string;
  path: string;
  handler: string;
  config: { policies: Array<string | { name: string; config?: { actions?: string[] } }> };
};

const ADMIN_ROUTES = (adminRoutes.routes as Route[]).map((route) => ({
  spelled: `${route.method} /intelligence-stories${route.path}`,
  actions: route.config.policies.flatMap((policy) =>
    typeof policy === 'string' ? [] : (policy.config?.actions ?? [])
  ),
}));
const CONTENT_API_ROUTES = (contentApiRoutes.routes as Route[]).map((route) => ({
  spelled: `${route.method} /api/intelligence-stories${route.path}`,
  action: route.handler,
}));

// A route as the docs write it, in backticks: `GET /intelligence-stories/settings`.
const routesNamedIn = (text: string, prefix: string) =>
  new Set(
    [
      ...text.matchAll(new RegExp(`\`((?:GET|POST|PUT|PATCH|DELETE) ${prefix}[^\`\\s]*)\``, 'g')),
    ].map(([, route]) => route)
  );

describe('docs/admin-api.md', () => {
  const doc = read('docs/admin-api.md');

  it('documents every admin route with the permission it checks', () => {
    expect(ADMIN_ROUTES.length).toBeGreaterThan(0);
    const missing = ADMIN_ROUTES.filter(({ spelled }) => !doc.includes(`\`${spelled}\``)).map(
      ({ spelled }) => spelled
    );
    expect(missing).toEqual([]);

    const wrongPermission = ADMIN_ROUTES.filter(({ spelled, actions }) => {
      const rows = linesWith(doc, `\`${spelled}\``).filter((line) => line.startsWith('|'));
      const uids = actions.map((action) => action.replace(/^plugin::intelligence-stories\./, ''));
      return !rows.some((row) => uids.every((uid) => row.includes(`\`${uid}\``)));
    }).map(({ spelled, actions }) => `${spelled} checks ${actions.join(', ')}`);
    expect(wrongPermission).toEqual([]);
  });

  it('names no admin route that does not exist', () => {
    const declared = new Set(ADMIN_ROUTES.map(({ spelled }) => spelled));
    expect(
      [...routesNamedIn(doc, '/intelligence-stories')].filter((r) => !declared.has(r))
    ).toEqual([]);
  });
});

describe('docs/content-api.md', () => {
  const doc = read('docs/content-api.md');

  it('documents every public route with the action that opens it', () => {
    expect(CONTENT_API_ROUTES.length).toBeGreaterThan(0);
    const missing = CONTENT_API_ROUTES.filter(({ spelled, action }) =>
      linesWith(doc, `\`${spelled}\``).every((line) => !line.includes(`\`${action}\``))
    ).map(({ spelled, action }) => `${spelled} (${action})`);
    expect(missing).toEqual([]);
  });

  it('names no public route that does not exist', () => {
    const declared = new Set(CONTENT_API_ROUTES.map(({ spelled }) => spelled));
    expect(
      [...routesNamedIn(doc, '/api/intelligence-stories')].filter((r) => !declared.has(r))
    ).toEqual([]);
  });
});

describe('docs/permissions.md', () => {
  const doc = read('docs/permissions.md');

  it('lists every admin action and every Content API action by its full id', () => {
    const ids = [
      ...Object.values(ACTIONS).map(actionId),
      ...CONTENT_API_ROUTES.map(({ action }) => `plugin::intelligence-stories.${action}`),
    ];
    expect(ids.filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });

  it('names no plugin action that does not exist', () => {
    const declared = new Set([
      ...Object.values(ACTIONS).map(actionId),
      ...CONTENT_API_ROUTES.map(({ action }) => `plugin::intelligence-stories.${action}`),
    ]);
    const named = [...doc.matchAll(/`(plugin::intelligence-stories\.[\w.-]+)`/g)].map(
      ([, id]) => id
    );
    expect(named.filter((id) => !declared.has(id))).toEqual([]);
  });
});

describe('docs/configuration.md and docs/rules.md', () => {
  it('configuration.md documents every option, and no other, in its table', () => {
    const doc = read('docs/configuration.md');
    const options = Object.keys(DEFAULT_PLUGIN_CONFIG);
    const table = doc.slice(doc.indexOf('| Option'), doc.indexOf('\n\n', doc.indexOf('| Option')));
    const rows = [...table.matchAll(/^\| `(\w+)`/gm)].map(([, option]) => option);
    expect(rows.sort()).toEqual([...options].sort());
  });

  it('rules.md has a row and a fix for every rule code', () => {
    const doc = read('docs/rules.md');
    expect(RULE_CODES.filter((code) => !new RegExp(`^\\| ${code} +\\|`, 'm').test(doc))).toEqual(
      []
    );
    expect(RULE_CODES.filter((code) => !doc.includes(`- **${code}** `))).toEqual([]);
  });
});

describe('README.md', () => {
  const readme = read('README.md');

  it(`is at most ${README_MAX_LINES} lines`, () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it('links to every page of docs/', () => {
    const linked = new Set(
      [...readme.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) => {
        const file = REPOSITORY_FILE.exec(target)?.[1];
        return file ? [file] : [];
      })
    );
    expect(DOCS.filter((doc) => !linked.has(doc))).toEqual([]);
  });
});

describe('links in README.md, CHANGELOG.md and docs/', () => {
  it('lead to files and headings that exist', () => {
    const broken = MARKDOWN.flatMap((file) =>
      [...withoutCodeBlocks(read(file)).matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) => {
        let resolved: string;
        let anchor: string | undefined;
        const inRepository = REPOSITORY_FILE.exec(target);
        if (inRepository) {
          resolved = inRepository[1];
          anchor = inRepository[2];
        } else if (/^(https?:|mailto:)/.test(target)) {
          return [];
        } else {
          const [relative, hash] = target.split('#');
          resolved = relative
            ? path.posix.normalize(path.posix.join(path.posix.dirname(file), relative))
            : file;
          anchor = hash === undefined ? undefined : `#${hash}`;
        }
        if (!fs.existsSync(path.join(REPO_ROOT, resolved))) {
          return [`${file}: ${target} (no ${resolved})`];
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor.slice(1))) {
          return [`${file}: ${target} (no heading ${anchor} in ${resolved})`];
        }
        return [];
      })
    );
    expect(broken).toEqual([]);
  });
});
