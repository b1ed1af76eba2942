import type { Core } from '@strapi/strapi';

import type { CanaryClass } from './fixture';
import { isSensitive, PLUGIN_PREFIX, privateAttributes, reachPaths } from './schemas';

/**
 * One way of asking: a query string, or a pair of them that must answer alike for a caller not
 * entitled to what they differ in (a filter or a sort on something private is an oracle).
 */
export type Variant =
  | { kind: 'single'; name: string; query: string }
  | {
      kind: 'pair';
      name: string;
      query: string;
      other: string;
      /** What the answer to the pair would give away if they differ. */
      reveals: CanaryClass;
    };

export const ALL_PRIVATE_FIELDS = 'fields=every private attribute';

const brackets = (path: string[]) => path.map((segment) => `[${segment}]`).join('');
const nestedPopulate = (path: string[]) =>
  `populate${path.map((segment) => `[${segment}]`).join('[populate]')}`;

const STRING_TYPES = new Set(['string', 'text', 'email', 'password', 'uid', 'richtext', 'json']);

/** The class of what a private attribute of `uid` holds, for filter and sort oracles. */
export const classOfAttribute = (uid: string, name: string): CanaryClass => {
  if (uid === 'admin::user' || uid === 'plugin::users-permissions.user') {
    // The account's other private details (active, blocked, roles) go with its e-mail.
    return ['password', 'resetPasswordToken', 'registrationToken', 'confirmationToken'].includes(
      name
    )
      ? { kind: 'never' }
      : { kind: 'admin-email', ownerId: -1 };
  }
  if (uid === `${PLUGIN_PREFIX}confidential-source`) {
    if (name === 'alias') {
      return { kind: 'alias' };
    }
    if (['identity', 'role', 'affiliation', 'contact', 'verificationNotes'].includes(name)) {
      return { kind: 'identity' };
    }
  }
  return { kind: 'private', uid };
};

/**
 * The variants for a route whose answer is about `subject`: `fields` on every private attribute,
 * `populate` with `*` and down every relation path (the plugin's components included) with the
 * far end's private fields, and `filters`/`sort` oracles on private attributes and on the links
 * to admin accounts and to the register.
 */
export const variantsFor = (strapi: Core.Strapi, subject: string | undefined): Variant[] => {
  // The first two name nothing of the schema: the walk asks them of every caller first.
  const variants: Variant[] = [
    { kind: 'single', name: 'none', query: '' },
    { kind: 'single', name: 'populate=*', query: 'populate=*' },
    { kind: 'single', name: 'populate[0]=*&fields[0]=*', query: 'populate[0]=*&fields[0]=*' },
  ];
  if (!subject) {
    return variants;
  }
  if (!isSensitive(subject)) {
    // Every type has createdBy/updatedBy: an admin's row is one populate away from any of them.
    return [
      ...variants,
      { kind: 'single', name: 'populate[createdBy]=*', query: 'populate[createdBy]=*' },
      {
        kind: 'single',
        name: 'populate[updatedBy][fields]=password',
        query: 'populate[updatedBy][fields][0]=password&populate[updatedBy][fields][1]=email',
      },
    ];
  }
  const own = privateAttributes(strapi, subject);
  if (own.length > 0) {
    variants.push({
      kind: 'single',
      name: ALL_PRIVATE_FIELDS,
      query: own.map(({ name }, index) => `fields[${index}]=${name}`).join('&'),
    });
    // One at a time as well, in case a route refuses the whole list for one name it knows.
    for (const { name } of own.slice(0, 3)) {
      variants.push({ kind: 'single', name: `fields[0]=${name}`, query: `fields[0]=${name}` });
    }
  }
  for (const { name, type } of own) {
    variants.push({
      kind: 'pair',
      name: `filters[${name}] $notNull/$null`,
      query: `filters[${name}][$notNull]=true`,
      other: `filters[${name}][$null]=true`,
      reveals: classOfAttribute(subject, name),
    });
    if (STRING_TYPES.has(type) && type !== 'json') {
      variants.push({
        kind: 'pair',
        name: `sort=${name} asc/desc`,
        query: `sort=${name}:asc`,
        other: `sort=${name}:desc`,
        reveals: classOfAttribute(subject, name),
      });
    }
  }

  for (const { path, target } of reachPaths(strapi, subject)) {
    const populate = nestedPopulate(path);
    variants.push({
      kind: 'single',
      name: `${populate}[populate]=*`,
      query: `${populate}[populate]=*`,
    });
    // Three steps deep is for `populate` alone; fields and oracles stop at two, where every
    // relation a route's own subject reaches (the picker's target included) is still named.
    if (path.length > 2) {
      continue;
    }
    const farPrivate = privateAttributes(strapi, target).filter(({ type }) =>
      STRING_TYPES.has(type)
    );
    if (farPrivate.length > 0) {
      variants.push({
        kind: 'single',
        name: `${populate}[fields]=private of ${target}`,
        query: farPrivate
          .map(({ name }, index) => `${populate}[fields][${index}]=${name}`)
          .join('&'),
      });
    }
    // Oracles on what the path leads to: who the admins are, which source a quote has.
    if (target === 'admin::user') {
      variants.push(
        {
          kind: 'pair',
          name: `filters${brackets(path)}[email][$startsWith]`,
          query: `filters${brackets(path)}[email][$startsWith]=k`,
          other: `filters${brackets(path)}[email][$startsWith]=zz`,
          reveals: { kind: 'admin-email', ownerId: -1 },
        },
        {
          kind: 'pair',
          name: `filters${brackets(path)}[password][$startsWith]`,
          query: `filters${brackets(path)}[password][$startsWith]=%242`,
          other: `filters${brackets(path)}[password][$startsWith]=zz`,
          reveals: { kind: 'never' },
        }
      );
    }
    // An admin row's tokens are rarely set: its e-mail and hash oracles above are the ones that bite.
    for (const { name } of target === 'admin::user' ? [] : farPrivate) {
      variants.push({
        kind: 'pair',
        name: `filters${brackets(path)}[${name}] $notNull/$null`,
        query: `filters${brackets(path)}[${name}][$notNull]=true`,
        other: `filters${brackets(path)}[${name}][$null]=true`,
        reveals: classOfAttribute(target, name),
      });
    }
  }
  return variants;
};

/**
 * Bodies for calls that write: nothing, then a body that tries to read (bulk actions take
 * documentIds, and `populate`/`fields` ride along in case a handler passes them through).
 */
export const bodiesFor = (strapi: Core.Strapi, subject: string | undefined, ids: string[]) => [
  {},
  {
    documentIds: ids,
    ids,
    populate: '*',
    fields: subject ? privateAttributes(strapi, subject).map(({ name }) => name) : [],
  },
];
