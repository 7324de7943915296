// The compiled snapshots are large JSON files; they are typed here instead of letting the compiler infer
// a literal type from megabytes of data (resolveJsonModule stays off for them).
declare module "sanctions-screen/lists/compiled/*.json" {
  const value: unknown;
  export default value;
}
