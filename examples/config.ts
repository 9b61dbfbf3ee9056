/**
 * Settings shared by every example, from the environment with defaults that work on a laptop.
 * A test or the demo passes overrides (port 0, its own token) instead of touching process.env.
 */
export interface ExampleConfig {
  /** SDK_APP_ID: your SDKAppID; callbacks for any other app are refused. */
  sdkAppId: string;
  /** TENCENT_CALLBACK_TOKEN: the console's callback authentication token; unset accepts unsigned callbacks. */
  token: string | undefined;
  /** HOST: 127.0.0.1 by default, so an example is never reachable from the network by accident. */
  host: string;
  /** PORT: 3000 by default; 0 picks a free port. */
  port: number;
  /** The callback path you enter in Tencent's console after your domain. */
  path: string;
  /** TRTC_CALLBACK_KEY: the TRTC console's callback key; when set, the Express example also serves /tencent/trtc. */
  trtcKey?: string | undefined;
  /** CSS_CALLBACK_KEY: the CSS console's callback key; when set, the Express example also serves /tencent/css. */
  cssKey?: string | undefined;
}

export type Log = (line: string) => void;

export interface StartOptions extends Partial<ExampleConfig> {
  /** Where the app's log lines go (default console.log). */
  log?: Log;
}

export const DEFAULT_SDK_APP_ID = "1400000000";
export const CALLBACK_PATH = "/tencent/callback";
export const TRTC_PATH = "/tencent/trtc";
export const CSS_PATH = "/tencent/css";

export function exampleConfig(overrides: Partial<ExampleConfig> = {}, env: NodeJS.ProcessEnv = process.env): ExampleConfig {
  return {
    sdkAppId: overrides.sdkAppId ?? digits("SDK_APP_ID", env.SDK_APP_ID || DEFAULT_SDK_APP_ID),
    // An empty variable means "not set": no token, unsigned callbacks accepted.
    token: "token" in overrides ? overrides.token : env.TENCENT_CALLBACK_TOKEN || undefined,
    host: overrides.host ?? (env.HOST || "127.0.0.1"),
    port: overrides.port ?? port(env.PORT || "3000"),
    path: overrides.path ?? CALLBACK_PATH,
    trtcKey: "trtcKey" in overrides ? overrides.trtcKey : env.TRTC_CALLBACK_KEY || undefined,
    cssKey: "cssKey" in overrides ? overrides.cssKey : env.CSS_CALLBACK_KEY || undefined,
  };
}

function digits(name: string, value: string): string {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be your numeric SDKAppID, e.g. 1400000000 (got "${value}")`);
  return value;
}

function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65535) throw new Error(`PORT must be a port number from 0 to 65535 (got "${value}")`);
  return number;
}
