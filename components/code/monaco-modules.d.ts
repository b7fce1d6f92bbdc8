// The ESM entry points we import have no type declarations of their own.
declare module "monaco-editor/esm/vs/editor/edcore.main.js" {
  export * from "monaco-editor";
}
declare module "monaco-editor/esm/vs/editor/editor.worker.js";
declare module "monaco-editor/esm/vs/basic-languages/*";
