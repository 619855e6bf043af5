  // 🐨 The component that called this composable can go away mid-answer (Close chat,
  //    a route change). Vue calls what you register with onScopeDispose(…) when that
  //    component's scope ends.
  // 🐨 Register a callback that stops the answer in progress (chat.stop(), which aborts
  //    its fetch) and stops listening to the live text (chat.unsubscribe()).
