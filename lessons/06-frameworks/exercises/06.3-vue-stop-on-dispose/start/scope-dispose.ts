  // 🐨 The component that called this composable can go away mid-answer (Close chat,
  //    a route change). Vue runs what you register with onScopeDispose when that
  //    component's scope ends.
  // 🐨 Register a callback that stops the answer in progress (the session's stop aborts
  //    its fetch, so the server stops generating) and stops listening to the live text
  //    (chatRefs gave you the way to unsubscribe).
