// 🐨 On each `token` event, count it in `result`. The FIRST one is also the moment to
//    note how long after `started` it came: that is what tells a streamed path from a
//    buffered one (the last token comes at the same time either way).
// 🐨 Tell onFirstToken at that moment, once, with the same number: the page shows it while
//    the reply goes on.
