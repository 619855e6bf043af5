  // 🐨 Close the connection when the component's scope ends: onScopeDispose(() => …)
  //    with source.close(), and count("eventSources", -1) for the page's panel.
