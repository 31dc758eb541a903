/** The one decision about colour: --no-color, then NO_COLOR, then FORCE_COLOR, then whether the stream is a terminal. */
export function useColor(stream: { isTTY?: boolean }, flag?: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
