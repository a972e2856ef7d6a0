/** How to start one plugin process: the command, its arguments, and its working directory. */
export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Absolute path of the plugin's entry file (script or binary), for messages and checksums. */
  readonly entry: string;
  readonly runtime: "python" | "node" | "native";
}

/** Host-side knobs the launchers need. */
export interface LaunchOptions {
  /** Python interpreter to use when the bundle has no venv of its own. */
  readonly pythonInterpreter?: string;
  /** Expected SHA-256 (hex) per native plugin id; a mismatch refuses the start. */
  readonly nativeChecksums?: Readonly<Record<string, string>>;
}
