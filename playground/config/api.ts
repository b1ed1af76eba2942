export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown top-level query keys (`where`, `lookup`, table aliases…) are refused on every Content
    // API route, not just the plugin's: the spellings behind Strapi's private-field advisories.
    strictParams: true,
  },
};
