/**
 * Chat message elements (`MsgBody` items): one `MsgContent` shape per `MsgType`, as Tencent's
 * message-format page documents them (https://cloud.tencent.com/document/product/269/2720,
 * English: https://trtc.io/document/34320). Checking `element.MsgType` narrows `MsgContent`.
 * Validation stays lenient (an element of a type added later still passes at run time, see
 * `event.extra`); these types describe the documented ones.
 */

/** `TIMTextElem`: text (also the offline-push text). */
export interface TextContent {
  Text: string;
}
/** `TIMLocationElem`: a place. */
export interface LocationContent {
  Desc: string;
  Latitude: number;
  Longitude: number;
}
/** `TIMFaceElem`: an emoji of the app's own set. */
export interface FaceContent {
  Index: number;
  Data: string;
}
/** `TIMCustomElem`: the app's own data (one per message). */
export interface CustomContent {
  Data: string;
  Desc?: string;
  Ext?: string;
  /** The iOS offline-push sound. */
  Sound?: string;
}
/** `TIMSoundElem`: a voice message. */
export interface SoundContent {
  Url: string;
  UUID?: string;
  /** Bytes. */
  Size: number;
  /** Duration in seconds. */
  Second: number;
  /** 2: downloadable from `Url`. */
  Download_Flag: number;
}
/** One size of an image: 1 original, 2 large, 3 thumbnail. */
export interface ImageInfo {
  Type: number;
  Size: number;
  Width: number;
  Height: number;
  URL: string;
}
/** `TIMImageElem`: an image, in up to three sizes. */
export interface ImageContent {
  UUID: string;
  /** 1 JPG, 2 GIF, 3 PNG, 4 BMP, 255 other. */
  ImageFormat: number;
  ImageInfoArray: ImageInfo[];
}
/** `TIMFileElem`: a file. */
export interface FileContent {
  Url: string;
  UUID?: string;
  FileSize: number;
  FileName: string;
  Download_Flag: number;
}
/** `TIMVideoFileElem`: a video and its thumbnail. */
export interface VideoFileContent {
  VideoUrl: string;
  VideoUUID?: string;
  VideoSize: number;
  VideoSecond: number;
  VideoFormat: string;
  VideoDownloadFlag: number;
  ThumbUrl: string;
  ThumbUUID?: string;
  ThumbSize: number;
  ThumbWidth: number;
  ThumbHeight: number;
  ThumbFormat: string;
  ThumbDownloadFlag: number;
}
/** One forwarded message inside a `TIMRelayElem`. */
export interface RelayedMessage {
  From_Account?: string;
  To_Account?: string;
  GroupId?: string;
  MsgSeq?: number;
  MsgRandom?: number;
  MsgTimeStamp?: number;
  CloudCustomData?: string;
  MsgBody: MsgElement[];
}
/** `TIMRelayElem`: merged and forwarded messages. */
export interface RelayContent {
  Title: string;
  MsgNum: number;
  /** What clients too old for merged messages show instead. */
  CompatibleText: string;
  AbstractList: string[];
  /** The messages, when small enough to travel inline; otherwise `JsonMsgKey` names them. */
  MsgList?: RelayedMessage[];
  JsonMsgKey?: string;
}

/** Each `MsgType`'s `MsgContent`. */
export interface MsgContents {
  TIMTextElem: TextContent;
  TIMLocationElem: LocationContent;
  TIMFaceElem: FaceContent;
  TIMCustomElem: CustomContent;
  TIMSoundElem: SoundContent;
  TIMImageElem: ImageContent;
  TIMFileElem: FileContent;
  TIMVideoFileElem: VideoFileContent;
  TIMRelayElem: RelayContent;
}
export type MsgType = keyof MsgContents;

/** A message element: `{ MsgType, MsgContent }`, the content typed by the type (a union to narrow). */
export type MsgElement<T extends MsgType = MsgType> = T extends MsgType ? { MsgType: T; MsgContent: MsgContents[T] } : never;
