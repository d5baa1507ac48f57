// jsonld and rdf-canonize ship JavaScript without declarations; the verifier in credentials.ts
// calls one function of each.
declare module "jsonld" {
  const jsonld: {
    toRDF(document: unknown, options: Record<string, unknown>): Promise<unknown>;
  };
  export default jsonld;
}
declare module "rdf-canonize" {
  const rdfCanonize: {
    canonize(dataset: unknown, options: { algorithm: string }): Promise<string>;
  };
  export default rdfCanonize;
}
