/**
 * Fields the Call (TUICallKit) callback pages share. A call is identified by `CallId` (a UUID);
 * user IDs are strings even where a sample sends a bare 64-bit number (it arrives as its exact
 * decimal string).
 */

export const callId = { type: "string", description: "call ID (a UUID), the same in every callback of one call" } as const;

export const eventTime = { type: "integer", description: "when the event happened, milliseconds since the epoch" } as const;

export const mediaType = { type: "string", description: "Audio | Video" } as const;

/** `UserList`: the call's members and where each one stands. */
export const userList = {
  type: "array",
  description: "the call's members",
  items: {
    type: "object",
    properties: {
      User_Account: { type: "string", description: "member's user ID" },
      Status: { type: "string", description: "Calling (in the call) | Waiting (not yet answered)" },
    },
  },
} as const;

export const roomId = { type: "string", description: "TRTC room ID (a numeric room ID arrives as its decimal string)" } as const;
export const roomIdType = { type: "integer", description: "1 numeric room ID | 2 string room ID" } as const;
