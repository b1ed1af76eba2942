import type { Core } from '@strapi/strapi';

export type AdminNameFields = {
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
};

/** How an admin user is named to other editors: first and last name, else the username. */
export const adminName = ({ firstname, lastname, username }: AdminNameFields) =>
  [firstname, lastname].filter(Boolean).join(' ') || username || null;

/**
 * The name of an admin user as of now, to keep on a record that must still say who after the
 * account is deleted (Strapi then empties the relation). null for an id that names nobody.
 */
export const currentAdminName = async (strapi: Core.Strapi, id: number | null | undefined) => {
  if (!id) {
    return null;
  }
  const user = (await strapi.db.query('admin::user').findOne({
    select: ['firstname', 'lastname', 'username'],
    where: { id },
  })) as AdminNameFields | null;
  return user ? adminName(user) : null;
};
