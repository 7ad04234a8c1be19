/** Paths (relative to the repository) whose contents the production build depends on. */
export declare const BUILD_INPUTS: readonly string[];
/** sha256 (hex) over the names and contents of `inputs` under `root`. */
export declare function sourceHash(root: string, inputs?: readonly string[]): string;
