const PLATFORMS = ["RESTAPI", "Web", "Android", "iOS", "Windows", "Mac", "iPad", "Unknown"] as const;
export type OptPlatform = (typeof PLATFORMS)[number];
const PLATFORM_BY_LOWER = new Map<string, OptPlatform>(PLATFORMS.map((p) => [p.toLowerCase(), p]));

/** Tencent spells `iOS` as `IOS` in at least one callback: known platforms come back in their documented case. */
export function normalizePlatform(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return PLATFORM_BY_LOWER.get(value.toLowerCase()) ?? value;
}
