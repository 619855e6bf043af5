// The README's comparison tables in Chinese, for README.zh-CN.md: the same tables
// from the same RESULTS.md files, each heading, scenario, column and verdict put
// into Chinese by the dictionary below (✓ and ✗ kept). A phrase a lesson adds
// to its RESULTS.md without a Chinese one here makes `pnpm compare` and the
// results test fail, naming it: add it to ZH.

const ZH: Record<string, string> = {
  // headings
  "Reconnection: does it come back by itself, and where does it resume?":
    "重连：能不能自己恢复，从哪里接着来？",
  "Format: does the exact text arrive?": "格式：到达的文字是否分毫不差？",
  "Scale-out: three instances sharing Redis": "横向扩展：三个实例共用 Redis",
  "Format, through lesson 08's BFF: five providers' wire formats":
    "格式，经过第 08 课的 BFF：五家服务商的传输格式",
  "An answer that outlives its request": "活得比请求更久的回答",
  // columns
  Scenario: "场景",
  "short polling": "短轮询",
  "long polling": "长轮询",
  SSE: "SSE",
  WebSocket: "WebSocket",
  "fetch stream": "fetch 流",
  "openai-chat": "openai-chat",
  "openai-responses": "openai-responses",
  anthropic: "anthropic",
  gemini: "gemini",
  dashscope: "dashscope",
  "lesson 01: a polled job": "第 01 课：轮询的任务",
  "lesson 02: an SSE job": "第 02 课：SSE 任务",
  "lesson 03: a WebSocket job": "第 03 课：WebSocket 任务",
  "lesson 04: a stream per request": "第 04 课：每个请求一条流",
  "lesson 10: a durable run": "第 10 课：持久的生成",
  // scenarios
  "connection dropped mid-stream": "流到一半连接断开",
  "server restarted mid-stream (memory lost)": "流到一半服务器重启（内存丢失）",
  "dropped, and the reconnect answered 500 for 300 ms": "断开后，重连请求 300 ms 内都返回 500",
  "dropped, and the reconnect answered 204 for 300 ms": "断开后，重连请求 300 ms 内都返回 204",
  "dropped, and the reconnect answered text/html for 300 ms": "断开后，重连请求 300 ms 内都返回 text/html",
  "network silent without FIN, longer than the heartbeat": "网络静默且没有 FIN，持续时间超过心跳间隔",
  "1-byte fragments (every multi-byte character split)": "1 字节分片（每个多字节字符都被切开）",
  "CRLF, a lone CR, blank lines and a data: look-alike in the text":
    "文本里有 CRLF、单独的 CR、空行和形似 data: 的内容",
  "an empty message": "一条空消息",
  "a 1 MiB message (one token of 1,048,576 characters)": "一条 1 MiB 的消息（一个 1,048,576 字符的 token）",
  "a buffering reverse proxy (gzip on event streams): text before the end?":
    "会缓冲的反向代理（对事件流做 gzip）：结束前能看到文字吗？",
  "server restarted mid-stream (the instance serving the stream)":
    "流到一半服务器重启（正在提供这条流的实例）",
  "an instance killed mid-stream (the one generating the reply)":
    "流到一半杀掉一个实例（正在生成回答的那个）",
  "tool-call arguments split across chunks (1-byte fragments)": "工具调用参数被切在多个分块里（1 字节分片）",
  "a Chinese reply in 1-byte fragments": "1 字节分片的中文回答",
  "page reloaded mid-answer": "回答到一半刷新页面",
  "every tab closed mid-answer": "回答到一半关掉所有标签页",
  "second tab opened mid-answer": "回答到一半打开第二个标签页",
  "the same message sent twice": "同一条消息发了两次",
  // verdicts (after ✓ or ✗)
  "resumes exactly": "精确续传",
  "gives up": "放弃了",
  "stuck, never notices": "卡住，一直没发现",
  exact: "分毫不差",
  "token by token": "逐个 token",
  "all at once, at the end": "最后一次性全部到达",
  "continues exactly": "精确接着来",
  "asks again: generated twice": "重新请求：生成了两次",
  "lost; asking again generates it twice": "丢了；再问一次就生成两次",
  "generated to the end": "一直生成到结束",
  "generation stopped: the answer is lost": "生成停止：回答丢了",
  "nothing to join: the answer is one request's": "无从加入：回答只属于那一个请求",
  "the same answer, live": "同一个回答，实时",
  "generated twice": "生成了两次",
  "one generation, one run": "一次生成，一个 run",
  "— (no tools in this lesson)": "—（这一课没有工具）",
};

/** One heading or cell in Chinese; ✓ / ✗ stay in front. Throws for a phrase without a translation. */
function inChinese(phrase: string): string {
  const [, mark = "", words = phrase] = /^([✓✗] )?(.*)$/s.exec(phrase) ?? [];
  const zh = ZH[words];
  if (zh === undefined)
    throw new Error(`No Chinese for the results phrase "${words}": add it to scripts/results-zh.ts`);
  return `${mark}${zh}`;
}

/** The README's results block (markdown headings and tables) in Chinese. */
export function resultsInChinese(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => {
      const heading = /^(#+ )(.+)$/.exec(line);
      if (heading) return `${heading[1]}${inChinese(heading[2] ?? "")}`;
      if (!line.startsWith("| ") || /^\| -/.test(line)) return line;
      const cells = line.slice(2, -2).split(" | ");
      return `| ${cells.map(inChinese).join(" | ")} |`;
    })
    .join("\n");
}
