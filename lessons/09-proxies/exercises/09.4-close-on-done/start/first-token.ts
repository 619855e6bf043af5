// 🐨 On each `token` event: count it (result.tokens), and note when the FIRST one came
//    (result.firstMs = performance.now() - started): that is what tells a streamed path from a
//    buffered one. Tell onFirstToken at that moment too (the page shows it while the reply goes on).
