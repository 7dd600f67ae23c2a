declare module "virtual:weekly-archive/build-context" {
  const context: import("./integrations/build-context.ts").BuildContext;
  export default context;
}
