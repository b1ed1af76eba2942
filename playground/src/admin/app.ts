/**
 * The playground's admin: French beside English, so an editor can switch the panel (and the
 * plugin's checklist, rules and desk) to French in their profile.
 */
export default {
  config: {
    locales: ['fr'],
  },
  bootstrap() {},
};
