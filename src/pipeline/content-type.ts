import { reject } from "../errors.js";

/** No content type is accepted (the query already says `contenttype=json`); a non-JSON one is not. */
export function checkContentType(contentType: string | undefined): void {
  if (contentType === undefined || contentType === "" || contentType === "application/json") return;
  const [mediaType = "", ...params] = contentType.split(";");
  const type = mediaType.trim().toLowerCase();
  const isJson = type === "application/json" || type === "text/json" || type.endsWith("+json");
  if (!isJson) throw reject("unsupported_media_type", "Content-Type must be application/json");
  for (const param of params) {
    const [key = "", value = ""] = param.split("=");
    if (key.trim().toLowerCase() !== "charset") continue;
    const charset = value.trim().replace(/^"|"$/g, "").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") {
      throw reject("unsupported_media_type", "JSON must be UTF-8 encoded");
    }
  }
}
