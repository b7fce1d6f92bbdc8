// Entry of Monaco's generic editor worker (diff computation, word ranges), bundled by Next.
import "monaco-editor/esm/vs/editor/editor.worker.js";
