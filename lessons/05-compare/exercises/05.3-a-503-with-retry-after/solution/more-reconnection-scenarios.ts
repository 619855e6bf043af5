  {
    group: "Reconnection",
    name: "dropped, and the reconnect answered 503 with Retry-After: 1 for 300 ms",
    prompt: REPLY,
    fault: answerReconnectsWith(canned("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1")),
  },
