// What `npm start` passes on from `remix build`'s output.

/**
 * esbuild's Go service sometimes prints this and a goroutine dump when the Remix CLI exits right
 * after a finished build (evanw/esbuild#3635, #1842: the service sees its pipe close mid-shutdown).
 * The build's exit status and its output are unaffected, so after a successful build the dump is
 * dropped from what we pass on; after a failed build everything is shown.
 */
const ESBUILD_EXIT_DEADLOCK = /^fatal error: all goroutines are asleep - deadlock!$/m;

export function withoutEsbuildExitDeadlock(output: string): string {
  const start = output.search(ESBUILD_EXIT_DEADLOCK);
  return start < 0 ? output : output.slice(0, start);
}
