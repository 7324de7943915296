// The rule pack and goods catalogue are imported as JSON modules through the package
// self-reference; they are typed as unknown here and validated by their loaders at run time.
declare module "sanctions-screen/lists/rules/*.json" {
  const value: unknown;
  export default value;
}
declare module "sanctions-screen/lists/goods/*.json" {
  const value: unknown;
  export default value;
}
