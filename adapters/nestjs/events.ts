import type { CallbackTypes, CssTypes, EventOf, KeyOf, Resolve, TrtcTypes } from "../../src/types.js";

/** The event a `@OnTencentCallback(K)` method receives: annotate its parameter with it. */
export type TencentCallbackEvent<K extends KeyOf<CallbackTypes>> = EventOf<CallbackTypes, Resolve<CallbackTypes, K>>;
/** The event a `@OnTrtcEvent(K)` method receives (`TrtcEvent<"EnterRoom">` or `TrtcEvent<103>`). */
export type TrtcEvent<K extends KeyOf<TrtcTypes>> = EventOf<TrtcTypes, Resolve<TrtcTypes, K>>;
/** The event a `@OnCssEvent(K)` method receives (`CssEvent<"PushBegin">` or `CssEvent<1>`). */
export type CssEvent<K extends KeyOf<CssTypes>> = EventOf<CssTypes, Resolve<CssTypes, K>>;
