  // 🐨 Close the connection when the component's scope ends: register a callback with
  //    onScopeDispose that closes the EventSource and takes it off the page's
  //    "EventSources open" count, so the panel says what is really open.
