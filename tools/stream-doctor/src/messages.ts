// Every line the report prints, in English and Chinese. A key missing from either
// language fails typecheck (zh is typed by en's keys) and a test (test/messages.test.ts),
// which also checks both sides use the same {placeholders}.

export type Lang = "en" | "zh";

const en = {
  "report.title": "stream doctor · {url} ({mode}, watched up to {watch} per connection)",
  "report.verdict": "verdict: {verdict} ({failed} failed, {warned})",
  "report.unreachable": "could not probe {url}: {reason}",
  "mode.event-stream": "GET, read as EventSource would",
  "mode.fetch-stream": "a fetch() stream",
  "mode.websocket": "WebSocket",
  "label.pass": "pass",
  "label.warn": "warn",
  "label.fail": "fail",
  "label.skip": "skip",
  "verdict.healthy": "healthy",
  "verdict.warnings": "warnings",
  "verdict.broken": "broken",
  "probe.unreachable": "{reason}",
  "skip.no-stream": "no stream to check (see status)",
  "unit.event": "{count} event",
  "unit.events": "{count} events",
  "unit.line": "{count} line",
  "unit.lines": "{count} lines",
  "unit.comment": "{count} comment",
  "unit.comments": "{count} comments",
  "unit.warning": "{count} warning",
  "unit.warnings": "{count} warnings",
  "unit.read": "{count} read",
  "unit.reads": "{count} reads",
  "sent.id": "Last-Event-ID: {id}",
  "sent.none": "no Last-Event-ID",
  "how.closed": "closed by the server",
  "how.cut": "cut before the response finished ({detail})",

  "status.ok": "{status}",
  "status.ok-redirected": "{status}, after {via}",
  "status.no-answer": "no response within {watch}",
  "status.redirect-not-followed":
    "{status} to {to}: another host, not followed (--follow-redirects follows it)",
  "status.redirect-stopped": "{status} after {count} redirects: stopped there",
  "status.no-content": "{status}: no stream at all",
  "status.error": "{status}",
  "status.error-body": "{status}: {body}",
  "status.not-200": "{status}: EventSource accepts 200 only",

  "content-type.ok": "{type}",
  "content-type.charset": "{type}: event streams are always UTF-8",
  "content-type.not-event-stream":
    "{type}, not text/event-stream: EventSource refuses it, and does not retry",
  "content-type.not-event-stream-openai": "{type}, not text/event-stream: not an OpenAI-compatible stream",
  "content-type.json": "{type}: usually one whole answer, not a stream",
  "content-type.fetch-any": "{type}: fetch() reads any type",

  "compression.none": "none: each event leaves as it is written",
  "compression.encoded":
    "Content-Encoding: {encoding}: a compressor holds text back until its buffer fills, unless it flushes each event (see delivery)",

  "cache.ok": "{value}",
  "cache.missing": "{value}: no {missing}",

  "delivery.streamed":
    "streamed: {units} in {reads}; first byte after {firstByte}, first event after {firstEvent}, largest gap {gap}",
  "delivery.buffered":
    "held back: {units} arrived in {reads}, all at the end (first byte after {firstByte}, first event after {firstEvent})",
  "delivery.lumps-open":
    "{units} in only {reads}, the stream still open: a buffer flushing when full, or a replayed backlog",
  "delivery.lumps": "in lumps: {units} in {reads} (largest gap {gap})",
  "delivery.too-few": "only {units}: too few to tell streaming from buffering",
  "delivery.empty": "the response ended without any event",
  "delivery.nothing-yet": "no event within {watch}: the server said nothing, or something holds it back",

  "framing.ok": "{events} ({types}); ids {ids}; retry {retry}; {comments}",
  "framing.ignored": "{events} ({types}); {count} lines EventSource ignores, e.g. `{line}`",
  "framing.unterminated": "the last event has no blank line after it: EventSource never dispatches it",
  "framing.no-events":
    "{size} received, no event: no blank line ends an event, or the fields are not data:, event:, id:, retry:",
  "framing.overflow": "a line or event larger than the limit ({size}): never ends",
  "framing.none-yet": "no event yet (retry {retry}, {comments})",
  "framing.empty": "no body",
  "framing.not-sse": "{type}: not an event stream, nothing to frame",

  "resume.fetch":
    "a fetch() stream is never reopened by the browser: resuming it is the app's design (a job resumed by id)",
  "resume.no-events": "no event to resume from",
  "resume.no-ids-ended":
    "{events}, none with an id: the stream ended, EventSource reconnects, and it can only start over",
  "resume.no-ids-open": "{events}, none with an id: after a drop, whatever was sent meanwhile is lost",
  "resume.too-few": "too few events with ids to test a resume from the middle",
  "resume.exact":
    "continues exactly: Last-Event-ID: {sent} → id {next} next, then the same events as the first time ({count} compared)",
  "resume.restarts":
    "Last-Event-ID: {sent} ignored: the reconnect started over from the first event (id {first})",
  "resume.elsewhere": "Last-Event-ID: {sent} ignored: the reconnect began at id {got}, not {expected}",
  "resume.data-differs": "Last-Event-ID: {sent} → id {next} next, but its data differs from the first time",
  "resume.refused": "the reconnect with Last-Event-ID: {sent} was answered {status}, not a stream",
  "resume.nothing": "the reconnect with Last-Event-ID: {sent} sent no event within {watch}",
  "resume.failed": "the reconnect with Last-Event-ID: {sent} failed: {reason}",

  "end.still-open": "still open after {watch}: its end was not seen (a longer --watch may see it)",
  "end.reconnect-204": "{how}; the reconnect EventSource makes ({sent}) gets 204, which stops it",
  "end.restarts": "{how}; EventSource reopens it ({sent}) and the stream starts over: its first event again",
  "end.repeats": "{how}; EventSource reopens it ({sent}) and gets events it already had (id {id})",
  "end.continues": "{how}; EventSource reopens it ({sent}) and the stream continues (id {id})",
  "end.reconnect-error":
    "{how}; the reconnect ({sent}) is answered {status}: EventSource stops with an error",
  "end.reconnect-empty-closed":
    "{how}; the reconnect ({sent}) is answered and closed again: EventSource reconnects every {retry}, forever",
  "end.reconnect-empty-open":
    "{how}; EventSource reopens it ({sent}) and waits on an empty stream ({watch} watched)",
  "end.reconnect-failed": "{how}; the reconnect failed: {reason}",
  "end.fetch-final":
    "ended with a final event ({marker}), then closed: right for fetch(), which does not reconnect",
  "end.fetch-no-final":
    "closed without a final event ([DONE], done, finish_reason): a finished answer looks like a cut one",
  "end.fetch-cut": "{how}: the answer is lost",
  "end.cut": "{how}: not an end the server chose; EventSource reconnects (see resume and heartbeat)",

  "heartbeat.silent-mid":
    "a silence of {gap} mid-stream: a proxy or load balancer with a {limit} idle timeout cuts it there",
  "heartbeat.silent-then-end": "silent for {gap}, then {how}: at least the {limit} idle timeout",
  "heartbeat.silent-at-watch":
    "silent for {gap} and still silent when the watch ended: a {limit} idle timeout would cut it",
  "heartbeat.cut-early":
    "cut after {gap} of silence, under the {limit} idle timeout: a shorter timeout on the path, or the server dropped it",
  "heartbeat.ended": "never silent for {limit}: longest silence {gap}, the stream ended after {duration}",
  "heartbeat.watched": "never silent for {limit} while watched: longest silence {gap}",
  "heartbeat.speaks":
    "keeps speaking: heard {count} times, the last in the second half of the watch; longest silence {gap}, under {limit}",
  "heartbeat.quiet":
    "silent for the last {gap} of the {watch} watched: watch for longer than {limit} (--watch) to know whether a proxy would cut it",

  "utf8.invalid": "bytes that are not UTF-8: the client shows �",
  "utf8.none": "no multi-byte characters arrived",
  "utf8.split":
    "{split} ended inside a multi-byte character ({chars} in all): fine for clients that decode with {stream: true}",
  "utf8.whole":
    "{chars} multi-byte characters, none split across reads this time (clients must still decode with {stream: true})",

  "ws.origin-none": "no Origin sent",
  "ws.origin-sent": "Origin: {origin}",
  "ws.status.open": "101 Switching Protocols ({sent})",
  "ws.status.refused": "the upgrade was answered {status}, not 101 ({sent})",
  "ws.status.timeout": "no answer to the upgrade within {watch}",

  "origin.refused": "a socket from {origin} is refused ({status})",
  "origin.closed": "a socket from {origin} is opened, then closed at once with {code}",
  "origin.accepted": "a socket from {origin} is accepted: any site can open one, with the user's cookies",
  "origin.no-answer": "no answer to a socket from {origin}",
  "origin.unknown": "a socket from {origin} could not be tried: {reason}",

  "ping.pong": "our ping came back as a pong",
  "ping.none": "no pong to our ping in {watch}",
  "ping.not-open": "the socket did not open",

  "openai.ok": '{chunks} chunks with choices[].delta, finish_reason "{finish}", {usage}, then [DONE]',
  "openai.usage-last": "usage last ({tokens} tokens)",
  "openai.usage-none": "no usage (not asked for: stream_options.include_usage)",
  "openai.empty": "no chunks",
  "openai.still-open": "no [DONE] yet: still streaming when the watch ended",
  "openai.no-done": "no data: [DONE] at the end: clients that wait for it hang",
  "openai.after-done": "{count} more events after [DONE]",
  "openai.not-json": "chunk {index} is not JSON: `{data}`",
  "openai.error": "the stream carries an error: {message}",
  "openai.no-choices": "chunk {index} has no choices array",
  "openai.no-delta": "chunk {index} has a choice without a delta",
  "openai.no-finish":
    "none of the {chunks} chunks has a finish_reason: stop, length or tool_calls cannot be told apart",
  "openai.usage-not-last": "usage in chunk {index} of {chunks}: clients read it from the last chunk",
  "openai.usage-missing": "asked for usage (stream_options.include_usage) but no chunk carries it",
  "openai.after-finish": 'text after finish_reason "{finish}"',

  "hint.status":
    "lesson 02: an event stream answers 200 with text/event-stream; EventSource gives up for good on 404, 500 or any other status",
  "hint.status-fetch":
    "lesson 04: the chat route answers 200 and streams; a failure before the first byte is a plain HTTP error",
  "hint.redirect":
    "point the client at the final URL; --follow-redirects follows it (credentials are not sent to another host)",
  "hint.content-type":
    "lesson 02: send Content-Type: text/event-stream; EventSource refuses any other type and never retries",
  "hint.charset": "lesson 02: event streams are always UTF-8: drop the charset, or make it utf-8",
  "hint.content-type-json":
    "lesson 04: write each piece as it is made, as text/event-stream (or NDJSON), not one JSON document",
  "hint.compression":
    "lesson 09: don't compress event streams (no gzip for text/event-stream at the app or the proxy), or flush per event; send Cache-Control: no-transform",
  "hint.cache":
    "lesson 02: send Cache-Control: no-cache, no-transform (no-transform asks proxies not to compress or rewrite it) and X-Accel-Buffering: no",
  "hint.delivery":
    "lesson 09: something holds the stream back: compression, a buffering proxy (X-Accel-Buffering: no, proxy_buffering off), a tunnel or a CDN; probe the origin, then each hop outwards. (A reply replayed whole, already finished, arrives at once too: probe one being generated.)",
  "hint.framing":
    "lesson 02: end each event with a blank line; the fields are data:, event:, id: and retry:; write them with one encoder",
  "hint.resume-ids":
    "lesson 02: give each event an id:, and on a reconnect send what comes after Last-Event-ID",
  "hint.resume":
    "lesson 02: read the Last-Event-ID header and continue after that event: nothing lost, nothing twice",
  "hint.end":
    "lesson 02: answer the reconnect after the end with 204 (EventSource stops), or close() it in the page on the final event; a chat belongs on fetch() (lesson 04)",
  "hint.end-fetch":
    "lesson 04: end with a final event ([DONE] or a done event) so the client can tell a finished answer from a cut one",
  "hint.heartbeat":
    "lesson 09: send a heartbeat (an SSE comment line, a WebSocket ping) more often than the shortest idle timeout on the path: nginx and AWS load balancers 60 s, Cloudflare 100 s",
  "hint.utf8": "lesson 04: send UTF-8 only; clients decode with TextDecoder and {stream: true}",
  "hint.origin":
    "lesson 03: check Origin in the upgrade handler and answer 403 to any page that is not yours",
  "hint.ping":
    "lesson 03: answer ping frames with pongs (ws does it by itself); peers and proxies use them to tell a live socket from a dead one",
  "hint.ws-status": "lesson 03: the upgrade must be answered 101 Switching Protocols",
  "hint.ws-status-origin":
    "lesson 03: the upgrade must be answered 101; if only your page may connect, give its origin with --origin",
  "hint.openai":
    "lesson 08: chunks carry choices[].delta, the last choice chunk a finish_reason, usage (when asked) one more chunk with choices: [], then data: [DONE]",
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "report.title": "流诊断 · {url}（{mode}，每个连接最多观察 {watch}）",
  "report.verdict": "结论：{verdict}（{failed} 项失败，{warned}）",
  "report.unreachable": "无法探测 {url}：{reason}",
  "mode.event-stream": "GET，按 EventSource 的方式读取",
  "mode.fetch-stream": "fetch() 流",
  "mode.websocket": "WebSocket",
  "label.pass": "通过",
  "label.warn": "警告",
  "label.fail": "失败",
  "label.skip": "跳过",
  "verdict.healthy": "健康",
  "verdict.warnings": "有警告",
  "verdict.broken": "有故障",
  "probe.unreachable": "{reason}",
  "skip.no-stream": "没有可检查的流（见 status）",
  "unit.event": "{count} 个事件",
  "unit.events": "{count} 个事件",
  "unit.line": "{count} 行",
  "unit.lines": "{count} 行",
  "unit.comment": "{count} 条注释",
  "unit.comments": "{count} 条注释",
  "unit.warning": "{count} 项警告",
  "unit.warnings": "{count} 项警告",
  "unit.read": "{count} 次",
  "unit.reads": "{count} 次",
  "sent.id": "Last-Event-ID: {id}",
  "sent.none": "不带 Last-Event-ID",
  "how.closed": "服务器关闭了连接",
  "how.cut": "响应还没结束连接就被切断（{detail}）",

  "status.ok": "{status}",
  "status.ok-redirected": "{status}，经过 {via}",
  "status.no-answer": "{watch} 内没有响应",
  "status.redirect-not-followed":
    "{status} 跳转到 {to}：另一个主机，没有跟随（加 --follow-redirects 才跟随）",
  "status.redirect-stopped": "{count} 次跳转后是 {status}：停在这里",
  "status.no-content": "{status}：根本没有流",
  "status.error": "{status}",
  "status.error-body": "{status}：{body}",
  "status.not-200": "{status}：EventSource 只接受 200",

  "content-type.ok": "{type}",
  "content-type.charset": "{type}：事件流永远是 UTF-8",
  "content-type.not-event-stream": "{type}，不是 text/event-stream：EventSource 会拒绝，而且不会重试",
  "content-type.not-event-stream-openai": "{type}，不是 text/event-stream：不是 OpenAI 兼容的流",
  "content-type.json": "{type}：通常是一次性的完整回答，不是流",
  "content-type.fetch-any": "{type}：fetch() 什么类型都能读",

  "compression.none": "无：每个事件写出即发出",
  "compression.encoded":
    "Content-Encoding: {encoding}：压缩器会攒着文本直到缓冲区满，除非每个事件都 flush（见 delivery）",

  "cache.ok": "{value}",
  "cache.missing": "{value}：缺少 {missing}",

  "delivery.streamed":
    "流式到达：{units}，分 {reads}读到；首字节在 {firstByte} 到达，首个事件在 {firstEvent}，最大间隔 {gap}",
  "delivery.buffered":
    "被攒住了：{units} 只分 {reads}读到，全在最后（首字节在 {firstByte} 到达，首个事件在 {firstEvent}）",
  "delivery.lumps-open": "{units} 只分 {reads}读到，流仍然开着：缓冲区满了才发，或者是一次性补发的历史",
  "delivery.lumps": "成块到达：{units} 分 {reads}读到（最大间隔 {gap}）",
  "delivery.too-few": "只有 {units}：太少，分不出是流式还是被缓冲",
  "delivery.empty": "响应结束了，一个事件都没有",
  "delivery.nothing-yet": "{watch} 内没有事件：服务器没说话，或者有东西把它攒住了",

  "framing.ok": "{events}（{types}）；id {ids}；retry {retry}；{comments}",
  "framing.ignored": "{events}（{types}）；有 {count} 行 EventSource 会忽略，例如 `{line}`",
  "framing.unterminated": "最后一个事件后面没有空行：EventSource 永远不会派发它",
  "framing.no-events": "收到 {size}，没有一个事件：没有空行结束事件，或者字段不是 data:、event:、id:、retry:",
  "framing.overflow": "有一行或一个事件超过上限（{size}）：永远不结束",
  "framing.none-yet": "还没有事件（retry {retry}，{comments}）",
  "framing.empty": "没有响应体",
  "framing.not-sse": "{type}：不是事件流，无需检查格式",

  "resume.fetch": "浏览器从不重新打开 fetch() 流：能否续传取决于应用的设计（按 id 续传的任务）",
  "resume.no-events": "没有可以续传的事件",
  "resume.no-ids-ended": "{events}，都没有 id：流结束后 EventSource 会重连，只能从头再来",
  "resume.no-ids-open": "{events}，都没有 id：断线后，期间发出的内容都会丢失",
  "resume.too-few": "带 id 的事件太少，无法从中间测试续传",
  "resume.exact":
    "准确续传：Last-Event-ID: {sent} → 接着是 id {next}，之后与第一次的事件相同（比较了 {count} 个）",
  "resume.restarts": "Last-Event-ID: {sent} 被忽略：重连后从第一个事件重新开始（id {first}）",
  "resume.elsewhere": "Last-Event-ID: {sent} 被忽略：重连从 id {got} 开始，而不是 {expected}",
  "resume.data-differs": "Last-Event-ID: {sent} → 接着是 id {next}，但它的数据和第一次不同",
  "resume.refused": "带 Last-Event-ID: {sent} 的重连得到 {status}，不是流",
  "resume.nothing": "带 Last-Event-ID: {sent} 的重连在 {watch} 内没有发来事件",
  "resume.failed": "带 Last-Event-ID: {sent} 的重连失败：{reason}",

  "end.still-open": "观察 {watch} 后仍然开着：没看到它的结束（加长 --watch 也许能看到）",
  "end.reconnect-204": "{how}；EventSource 的重连（{sent}）得到 204，它就此停止",
  "end.restarts": "{how}；EventSource 重新打开它（{sent}），流从头再来：又是第一个事件",
  "end.repeats": "{how}；EventSource 重新打开它（{sent}），收到已经有过的事件（id {id}）",
  "end.continues": "{how}；EventSource 重新打开它（{sent}），流接着往下走（id {id}）",
  "end.reconnect-error": "{how}；重连（{sent}）得到 {status}：EventSource 报错并停止",
  "end.reconnect-empty-closed":
    "{how}；重连（{sent}）被应答后又被关闭：EventSource 每 {retry} 重连一次，永不停止",
  "end.reconnect-empty-open": "{how}；EventSource 重新打开它（{sent}），在一个空流上等待（观察了 {watch}）",
  "end.reconnect-failed": "{how}；重连失败：{reason}",
  "end.fetch-final": "以结束事件（{marker}）收尾后关闭：对 fetch() 来说正确，它不会重连",
  "end.fetch-no-final": "关闭时没有结束事件（[DONE]、done、finish_reason）：完整的回答看起来和被切断的一样",
  "end.fetch-cut": "{how}：这个回答丢了",
  "end.cut": "{how}：这不是服务器有意的结束；EventSource 会重连（见 resume 和 heartbeat）",

  "heartbeat.silent-mid": "流中间静默了 {gap}：空闲超时为 {limit} 的代理或负载均衡器会在这里切断它",
  "heartbeat.silent-then-end": "静默 {gap} 后{how}：达到了 {limit} 的空闲超时",
  "heartbeat.silent-at-watch": "静默了 {gap}，观察结束时仍在静默：{limit} 的空闲超时会切断它",
  "heartbeat.cut-early":
    "静默 {gap} 后被切断，短于 {limit} 的空闲超时：链路上有更短的超时，或者服务器断开了它",
  "heartbeat.ended": "从未静默达 {limit}：最长静默 {gap}，流在 {duration} 后结束",
  "heartbeat.watched": "观察期间从未静默达 {limit}：最长静默 {gap}",
  "heartbeat.speaks": "一直在说话：收到 {count} 次数据，最后一次在观察的后半段；最长静默 {gap}，短于 {limit}",
  "heartbeat.quiet":
    "在观察的 {watch} 中，最后 {gap} 一直静默：观察时间要长于 {limit}（--watch）才能知道代理会不会切断它",

  "utf8.invalid": "有不是 UTF-8 的字节：客户端会显示 �",
  "utf8.none": "没有收到多字节字符",
  "utf8.split": "有 {split}读取在多字节字符中间结束（共 {chars} 个）：用 {stream: true} 解码的客户端没问题",
  "utf8.whole": "{chars} 个多字节字符，这次都没有跨读取拆开（客户端仍须用 {stream: true} 解码）",

  "ws.origin-none": "没有发送 Origin",
  "ws.origin-sent": "Origin: {origin}",
  "ws.status.open": "101 Switching Protocols（{sent}）",
  "ws.status.refused": "升级请求得到 {status}，不是 101（{sent}）",
  "ws.status.timeout": "{watch} 内升级请求没有应答",

  "origin.refused": "来自 {origin} 的连接被拒绝（{status}）",
  "origin.closed": "来自 {origin} 的连接被打开后立即以 {code} 关闭",
  "origin.accepted": "来自 {origin} 的连接被接受：任何网站都能带着用户的 cookie 打开它",
  "origin.no-answer": "来自 {origin} 的连接没有应答",
  "origin.unknown": "无法尝试来自 {origin} 的连接：{reason}",

  "ping.pong": "我们的 ping 收到了 pong",
  "ping.none": "{watch} 内我们的 ping 没有收到 pong",
  "ping.not-open": "连接没有打开",

  "openai.ok": '{chunks} 个 chunk 带 choices[].delta，finish_reason "{finish}"，{usage}，最后是 [DONE]',
  "openai.usage-last": "usage 在最后（{tokens} 个 token）",
  "openai.usage-none": "没有 usage（请求里没要：stream_options.include_usage）",
  "openai.empty": "没有 chunk",
  "openai.still-open": "还没有 [DONE]：观察结束时仍在输出",
  "openai.no-done": "结尾没有 data: [DONE]：等它的客户端会一直挂着",
  "openai.after-done": "[DONE] 之后还有 {count} 个事件",
  "openai.not-json": "第 {index} 个 chunk 不是 JSON：`{data}`",
  "openai.error": "流里带着错误：{message}",
  "openai.no-choices": "第 {index} 个 chunk 没有 choices 数组",
  "openai.no-delta": "第 {index} 个 chunk 有一个没有 delta 的 choice",
  "openai.no-finish": "{chunks} 个 chunk 都没有 finish_reason：分不出 stop、length 还是 tool_calls",
  "openai.usage-not-last": "usage 在第 {index} 个 chunk（共 {chunks} 个）：客户端从最后一个 chunk 读它",
  "openai.usage-missing": "请求要了 usage（stream_options.include_usage），但没有 chunk 带它",
  "openai.after-finish": 'finish_reason "{finish}" 之后还有文本',

  "hint.status":
    "第 02 课：事件流应以 200 和 text/event-stream 应答；遇到 404、500 或其他状态，EventSource 会彻底放弃",
  "hint.status-fetch": "第 04 课：聊天接口应答 200 然后流式输出；首字节之前的失败用普通 HTTP 错误表示",
  "hint.redirect": "让客户端直接请求最终地址；--follow-redirects 会跟随（凭据不会发给另一个主机）",
  "hint.content-type":
    "第 02 课：发送 Content-Type: text/event-stream；其他类型 EventSource 一律拒绝，也不会重试",
  "hint.charset": "第 02 课：事件流永远是 UTF-8：去掉 charset，或者写成 utf-8",
  "hint.content-type-json":
    "第 04 课：每生成一段就写出一段，用 text/event-stream（或 NDJSON），而不是一个 JSON 文档",
  "hint.compression":
    "第 09 课：不要压缩事件流（应用和代理都不对 text/event-stream 做 gzip），或者每个事件都 flush；发送 Cache-Control: no-transform",
  "hint.cache":
    "第 02 课：发送 Cache-Control: no-cache, no-transform（no-transform 要求代理不要压缩或改写它）和 X-Accel-Buffering: no",
  "hint.delivery":
    "第 09 课：有东西把流攒住了：压缩、缓冲的代理（X-Accel-Buffering: no、proxy_buffering off）、隧道或 CDN；先直接探测源站，再逐跳向外。（已经生成完、整段重放的回答也会一次到达：请探测正在生成的回答。）",
  "hint.framing": "第 02 课：每个事件以空行结束；字段是 data:、event:、id: 和 retry:；用同一个编码函数写出",
  "hint.resume-ids": "第 02 课：给每个事件加 id:，重连时发送 Last-Event-ID 之后的内容",
  "hint.resume": "第 02 课：读取 Last-Event-ID 请求头，从那个事件之后继续：不丢也不重",
  "hint.end":
    "第 02 课：结束后对重连回 204（EventSource 就会停止），或在页面收到结束事件时调用 close()；聊天应该用 fetch()（第 04 课）",
  "hint.end-fetch": "第 04 课：以结束事件（[DONE] 或 done 事件）收尾，让客户端分清回答是完整的还是被切断的",
  "hint.heartbeat":
    "第 09 课：发送心跳（SSE 注释行、WebSocket ping），间隔短于链路上最短的空闲超时：nginx 和 AWS 负载均衡器 60 秒，Cloudflare 100 秒",
  "hint.utf8": "第 04 课：只发送 UTF-8；客户端用 TextDecoder 加 {stream: true} 解码",
  "hint.origin": "第 03 课：在升级处理里检查 Origin，不是你自己页面的一律回 403",
  "hint.ping": "第 03 课：用 pong 应答 ping 帧（ws 会自动做）；对端和代理靠它分辨连接是活是死",
  "hint.ws-status": "第 03 课：升级请求必须以 101 Switching Protocols 应答",
  "hint.ws-status-origin":
    "第 03 课：升级请求必须以 101 应答；如果只允许你的页面连接，用 --origin 给出它的源",
  "hint.openai":
    "第 08 课：chunk 用 choices[].delta 携带文本，最后一个 choice chunk 带 finish_reason，（要了的话）再加一个 choices: [] 的 usage chunk，最后是 data: [DONE]",
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** The placeholders a template uses, in order: "{gap} of {limit}" → ["gap", "limit"]. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1] as string);
}

/** What is wrong with a catalogue: a key missing from a language, an empty line, or placeholders that differ. */
export function catalogueProblems(messages: Record<Lang, Record<string, string>>): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(messages.en), ...Object.keys(messages.zh)]);
  for (const key of keys) {
    const [english, chinese] = [messages.en[key], messages.zh[key]];
    if (!english?.trim()) problems.push(`${key}: no English`);
    if (!chinese?.trim()) problems.push(`${key}: no Chinese`);
    if (english && chinese) {
      const [a, b] = [placeholdersOf(english).sort().join(","), placeholdersOf(chinese).sort().join(",")];
      if (a !== b) problems.push(`${key}: placeholders {${a}} in English, {${b}} in Chinese`);
    }
  }
  return problems;
}
