  {
    group: "Format",
    name: "not plain text: NUL, a lone surrogate, U+2028, NEL, CRLF",
    prompt: "echo: a\u0000b \ud800 c\u2028d \u0085e\r\nf",
  },
