/**
 * `sanctions-screen/handler`: the screening API as a Web-standard `Request → Response` function
 * (no `node:` import here or below), and a Node `http` adapter.
 */
export * from "./create-screening-handler";
export * from "./to-node-listener";
export * from "./http-error";
export * from "./read-json-body";
export { matchesAnyKey, equalDigests, digestOf } from "./constant-time-equal";
