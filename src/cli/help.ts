/** The usage texts, and `help [subcommand]`. */
import { suggest } from "./args.js";
import { CliError, EXIT, NAME, type CliIo } from "./io.js";

export const SUBCOMMANDS = ["send", "list", "sample", "queue", "help"] as const;
type Topic = "send" | "list" | "sample" | "queue";

export function help(args: string[], io: CliIo): number {
  const [topic, extra] = args;
  if (extra !== undefined) throw new CliError(`help takes one subcommand, got "${topic}" and "${extra}"`);
  if (topic === undefined || topic === "help" || topic === "--help" || topic === "-h") io.stdout(HELP.main);
  else if (isTopic(topic)) io.stdout(HELP[topic]);
  else {
    const guess = suggest(topic, SUBCOMMANDS);
    throw new CliError(`no help for "${topic}"${guess ? ` (did you mean ${guess}?)` : ""}; subcommands: send, list, sample, queue`);
  }
  return EXIT.ok;
}

function isTopic(name: string): name is Topic {
  return name === "send" || name === "list" || name === "sample" || name === "queue";
}

export const HELP = {
  main: `Usage: ${NAME} <subcommand> [options]

Sends your app the callbacks Tencent Cloud sends, signed the way Tencent signs them: the
callback endpoint (Live.*, Room.*, Chat commands), TRTC events and CSS streaming events.

Subcommands:
  send <command>     POST a command's sample payload (or your own) to --url, print the reply
  list               the commands and events this package knows, by protocol
  sample <command>   print a command's sample payload (64-bit integers intact)
  queue <action>     see and operate the durable queue: stats, failed, show, replay, remove
  help [subcommand]  this text, or a subcommand's

send, list and sample take --protocol callback|trtc|css (default callback).

Options:
  --version          print the version
  -h, --help         this text

Run \`${NAME} <subcommand> --help\` for its options.
`,
  queue: `Usage: ${NAME} queue stats                 [--redis <url>] [--name <queue>] [--json]
       ${NAME} queue failed [--limit N] [--offset N] [--command C] [--reason R] [--json]
       ${NAME} queue show <id>                        [--json]
       ${NAME} queue replay <id> | --all [--command C] [--reason R] [--yes]
       ${NAME} queue remove <id> | --all [--command C] [--reason R] [--yes]

Sees and operates the queue your receivers write to and your workers take from (redisQueue()
from tencent-webhooks/queue, or postgresQueue(); needs bullmq and ioredis installed):
  stats    whether Redis answers, workers connected, backlog, age of the oldest waiting
           callback, retrying, active and dead-letter counts
  failed   dead letters, newest first: id, when, command, reason, attempts, the handler's error
  show     one dead letter in full: error and stack, schema errors, dedupe key, received
           time, the request as received (raw body)
  replay   put dead letters back in the queue (attempts reset): one by id, or --all
  remove   delete dead letters for good: one by id, or --all

Options:
  --redis <url>          redis://[user:password@]host:port[/db] (default: $REDIS_URL)
  --postgres <url>       postgres://user:password@host:5432/db, a postgresQueue()
                         (default, when no Redis is named: $DATABASE_URL)
  --name <queue>         the queue's name (default tencent-webhooks, as redisQueue() names it)
  --prefix <prefix>      BullMQ's key prefix (default bull)
  --limit <n>            failed: how many to list, 1-1000 (default 20)
  --offset <n>           failed: how many to skip (default 0)
  --command <command>    failed, --all: only this command (its canonical name)
  --reason <reason>      failed, --all: only handler_failed or schema_invalid
  --all                  replay, remove: every dead letter (that --command / --reason match)
  -y, --yes              replay, remove --all: do it without asking
  --json                 print JSON for scripts instead of tables
  --timeout <ms>         give up on Redis after this long (default 5000)
  -h, --help             this text

A bulk change (--all) asks for confirmation on a terminal. Without a terminal (a script, a
pipe) it needs --yes, and is refused with exit status 4 otherwise.

Exit status: 0 done; 1 no dead letter with that id; 2 usage error; 3 the server not reachable;
4 a bulk change not confirmed.
`,
  send: `Usage: ${NAME} send <command> --url <url> --sdk-app-id <id> [--token <token>] [options]
       ${NAME} send --protocol trtc <event> --url <url> --sdk-app-id <id> --key <key> [options]
       ${NAME} send --protocol css <event> --url <url> --key <key> [options]

POSTs the sample payload of <command> (or --payload) to <url> as Tencent does, then prints
the HTTP status and the reply body:
  callback  <url>?SdkAppid=<id>&CallbackCommand=<command>&contenttype=json&ClientIP=<ip>&OptPlatform=<p>
            plus &Sign=<sha256(token + RequestTime)>&RequestTime=<unix seconds> when a token is given
  trtc      the body byte for byte, headers SdkAppId: <id> and Sign: <base64(HMAC-SHA256(key, body))>
  css       the body with its t (expiry, Unix seconds) and sign = md5(key + t) written in
A TRTC or CSS event is given by name or number: EnterRoom or 103, PushBegin or 1.

Options:
  --url <url>            your callback URL, e.g. http://127.0.0.1:3000/tencent/callback
  --protocol <p>         callback (default), trtc or css
  --sdk-app-id <id>      callback, trtc: the SDKAppID to send (default: $SDK_APP_ID)
  --token <token>        callback: the callback authentication token; signs the request
                         (default: $TENCENT_CALLBACK_TOKEN; without a token it goes unsigned)
  --live-token <token>   callback: the token of one product's configuration, for its commands
  --chat-token, --room-token, --call-token
                         (Live.*, Mic.*, Follow.*, live-room group messages: live; Room.*, Mic.*:
                         room; Call.*: call; the rest: chat); before --token. Default
                         $TENCENT_LIVE_CALLBACK_TOKEN, $TENCENT_CHAT_CALLBACK_TOKEN, …
  --key <key>            trtc, css: the console's callback key; required
                         (default: $TRTC_CALLBACK_KEY, $CSS_CALLBACK_KEY)
  --payload <file|->     send this JSON file, or stdin with "-", instead of the sample;
                         required for a command this package does not know
  --client-ip <ip>       callback: ClientIP query parameter (default 127.0.0.1)
  --opt-platform <p>     callback: OptPlatform query parameter (default RESTAPI)
  --expires-at <secs>    css: the body's t, in Unix seconds (default: now + 600)
  --timeout <ms>         give up waiting for the reply after this long (default 10000)
  --verbose              also print the signature (hidden otherwise: it stays valid a while)
  -h, --help             this text

An empty token or key (--token "", TENCENT_CALLBACK_TOKEN=) is not one: it counts as not
set, and a note on stderr says so.

For a "before" callback (e.g. Live.CallbackBeforeSendGift) the reply's ErrorCode is your
app's decision and is printed: 0 allows the action, anything else blocks it.

Exit status: 0 the app answered ActionStatus "OK" (a "block" decision included), or for
TRTC and CSS HTTP 200 with {"code":0};
1 it answered anything else; 2 bad arguments or payload; 3 the app could not be
reached or did not answer in time.
`,
  list: `Usage: ${NAME} list [--protocol callback|trtc|css] [--json]

Lists the commands this package knows, grouped by protocol: callback commands with their
kind ("after" notifies, "before" asks your app to allow or block an action) and the other
names Tencent also uses for some of them (send and sample accept those too); TRTC and CSS
events with the number Tencent sends (send and sample accept either).

Options:
  --protocol <p>   only this protocol's: callback, trtc or css
  --json           print a JSON array of {protocol, command, kind, aliases, code, group, summary}
  -h, --help       this text
`,
  sample: `Usage: ${NAME} sample [--protocol callback|trtc|css] <command>

Prints the sample payload of <command> (a TRTC or CSS event: name or number) from Tencent's
documentation, exactly as sent: 64-bit integers such as RoomInfo.Owner_Account stay exact.
Edit it and send it back with \`${NAME} send <command> --payload <file>\`.

Options:
  --protocol <p>   callback (default), trtc or css
  -h, --help       this text
`,
} as const;
